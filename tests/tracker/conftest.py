"""The TVmaze stand-in of tests/sources serves the episode tests here too."""

from tests.sources.conftest import tvmaze  # noqa: F401  (a fixture, used by name)
