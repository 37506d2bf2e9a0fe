"""The outside world: `http` (the one HTTP client) and `tvmaze` (TVmaze's API as typed
records). Sources never write the database: they return records that
tracker/transfer.py applies."""
