"""Hanrei Annotator: `python main.py` opens the window; `python main.py COMMAND` runs the CLI."""

import sys

from core.cli import main


def open_window(url: str, annotator: str | None) -> int:
    from gui.app import run  # Qt is imported only when the window is wanted

    return run(url, annotator)


if __name__ == "__main__":
    sys.exit(main(gui=open_window))
