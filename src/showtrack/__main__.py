"""Allow `python -m showtrack`."""

from showtrack.cli import main

main()
