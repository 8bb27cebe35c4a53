"""`python -m game`: the one entry point (see game/cli/main.py)."""

import sys

from game.cli import main

sys.exit(main())
