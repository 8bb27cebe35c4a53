"""The teacher pack: printable handouts generated from the story folder.

`python -m game handouts -o DIR` writes a claim card sort with its answer key,
role sheets, an exit quiz per lesson objective with its key, a vocabulary list,
a one-page lesson plan and printable slides, all as HTML with print CSS. Every
claim, label and source comes from the story itself, so the pack never goes out
of date when the story changes.
"""

from game.reports.handouts.build import HANDOUTS, write_handouts

__all__ = ["HANDOUTS", "write_handouts"]
