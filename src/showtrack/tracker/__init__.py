"""The use cases, over an open store; nothing here prints.

- `names`: which show, release or episode a user means;
- `listings`: upcoming, due, history, countdown and calendar views, as known on a day;
- `edits`: add, edit, rename, remove, expect, released, and `check --once`'s memory;
- `transfer`: export, import (JSON, CSV, arrays of releases), and `apply_batch`, the one
  way records from elsewhere (an import, TVmaze, an article) enter the database.

This file imports nothing, so that a listing does not load what edits need (the phrase
reader among them).
"""
