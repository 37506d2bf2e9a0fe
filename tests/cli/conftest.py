"""What the command tests share beyond tests/conftest.py: the TVmaze stand-in of
tests/sources, for the episode tests that sync."""

from tests.sources.conftest import tvmaze  # noqa: F401  (a fixture, used by name)
