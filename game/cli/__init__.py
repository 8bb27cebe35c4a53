"""The command line and the terminal game: `python -m game`."""

from game.cli.errors import StoryInvalid, UsageError
from game.cli.main import build_parser, main

__all__ = ["StoryInvalid", "UsageError", "build_parser", "main"]
