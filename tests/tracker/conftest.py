"""What the tracker's library tests share: an open store with two shows, and the TVmaze
stand-in of tests/sources for the episode tests."""

from pathlib import Path

import pytest

from showtrack import store
from showtrack.tracker import edits
from tests.sources.conftest import tvmaze  # noqa: F401  (a fixture, used by name)


@pytest.fixture
def opened(tmp_path: Path) -> store.Store:
    """A store opened for writing with Jessica Jones and The Defenders (Netflix); a test
    file may give `opened` a store of its own."""
    st = store.load(tmp_path / "db.json", writable=True)
    edits.add_show(st, "Jessica Jones", network="Netflix")
    edits.add_show(st, "The Defenders", network="Netflix")
    return st
