"""The floor a write is measured against: read a database, keep every record as its
undecoded bytes (msgspec.Raw), write them all back one a line, fsync, rename.

Nothing a write command can do costs less than this and still rewrites the file
safely; `bench/run.py` runs it as a whole process, like the commands.
"""

from __future__ import annotations

import os
import sys
import tempfile

import msgspec


def rewrite(path: str) -> None:
    """Rewrite the database at `path` as a write command would, doing nothing else."""
    with open(path, "rb") as handle:
        raw = handle.read()
    tables = msgspec.json.decode(raw, type=dict[str, dict[str, msgspec.Raw]])
    encode = msgspec.json.encode
    parts = [b"{\n"]
    for number, (name, docs) in enumerate(tables.items()):
        parts += [b"  ", encode(name), b": {\n    " if docs else b": {"]
        for doc_id, doc in docs.items():
            parts += (encode(doc_id), b": ", doc, b",\n    ")
        if docs:
            parts[-1] = b"\n  "
        parts.append(b"}\n" if number == len(tables) - 1 else b"},\n")
    parts.append(b"}\n")
    content = b"".join(parts)
    fd, temp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)))
    with os.fdopen(fd, "wb") as out:
        out.write(content)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)


if __name__ == "__main__":
    rewrite(sys.argv[1])
