"""Hanrei Annotator: `python main.py` opens the window; `python main.py COMMAND` runs the CLI."""

import sys

from core.cli import main

if __name__ == "__main__":
    sys.exit(main())
