"""What the tracker's library tests share: an open store with two shows."""

from pathlib import Path

import pytest

from showtrack import store
from showtrack.tracker import edits


@pytest.fixture
def opened(tmp_path: Path) -> store.Store:
    """A store opened for writing with Jessica Jones and The Defenders (Netflix); a test
    file may give `opened` a store of its own."""
    st = store.load(tmp_path / "db.json", writable=True)
    edits.add_show(st, "Jessica Jones", network="Netflix")
    edits.add_show(st, "The Defenders", network="Netflix")
    return st
