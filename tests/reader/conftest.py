"""The local web server of tests/sources serves article pages here too."""

from tests.sources.conftest import tvmaze  # noqa: F401  (a fixture, used by name)
