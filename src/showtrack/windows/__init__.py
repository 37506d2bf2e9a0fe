"""The release-window model, pure: no I/O, no terminal, no database.

- `window`: the Window value, its EDTF name, status and countdown text;
- `spans`: months, seasons, quarters, halves, parts of a year, holidays;
- `regions`: hemispheres and time zones of countries;
- `durations`: `7d`, `2w`, `3mo`, `1y`;
- `constraints`: "not before that other release", and the solver;
- `vocabulary`: the words, as data;
- `phrases`: reading a phrase (`parse_window`) or a text (`find_windows`).

This file imports nothing, so that a listing that needs `window` does not load the
phrase reader.
"""
