"""A tiny SVG writer for the project's flat pictures: shapes, groups, one fixed palette.

Only what pygame-ce's SVG loader (nanosvg) draws faithfully is offered: rect, circle,
ellipse, polygon, path and line, hex fills and strokes, opacity, transforms. No text,
no <use>, no patterns, masks, clip paths or filters (they vanish silently).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# The one palette every picture draws from (hex only: nanosvg greys out rgba() and names).
P = {
    "cream": "#f3efe6", "paper": "#fffdf8", "sand": "#e9e3d6", "wheat": "#dccfb4",
    "ink": "#1c2230", "slate": "#3d4558", "steel": "#6f7787", "mist": "#c9d3d6",
    "fog": "#e2ecea", "teal": "#0d5c63", "sea": "#2a8c8f", "aqua": "#a8d5d1",
    "rust": "#b3541e", "coral": "#e07a5f", "apricot": "#f2b880", "honey": "#e9b44c",
    "sage": "#81b29a", "leaf": "#4f8a5b", "moss": "#2f5d3a", "red": "#c8372d",
    "wine": "#9e2a2b", "rose": "#f4c7c3", "night": "#1f2a44", "dusk": "#2e3b5e",
    "glow": "#ffd98a", "white": "#ffffff", "plum": "#6d4c6f", "sky": "#cfe3e6",
    "skin1": "#f1c9a5", "skin2": "#d9a066", "skin3": "#a86b3c", "skin4": "#6e4126",
    "hair1": "#2b1d14", "hair2": "#5a3a22", "hair3": "#b8b1a6", "wood": "#a0693f",
    "wood2": "#7a4b2a", "brick": "#c97b5a",
}


def c(name: str) -> str:
    """A palette colour by name; a hex string passes through (only palette values are used)."""
    if name.startswith("#"):
        return name
    return P[name]


def _n(v: float) -> str:
    r = round(v, 1)
    return str(int(r)) if r == int(r) else str(r)


class Svg:
    """An SVG document built shape by shape; `str()` gives the file text."""

    def __init__(self, w: int, h: int) -> None:
        self.w, self.h = w, h
        self.parts: list[str] = []

    def _attrs(self, fill: str | None, stroke: str | None, sw: float | None,
               opacity: float | None, extra: dict[str, str] | None = None) -> str:
        out = [f'fill="{c(fill)}"' if fill else 'fill="none"']
        if stroke:
            out.append(f'stroke="{c(stroke)}" stroke-width="{_n(sw or 2)}" '
                       'stroke-linecap="round" stroke-linejoin="round"')
        if opacity is not None:
            out.append(f'opacity="{round(opacity, 2)}"')
        for k, v in (extra or {}).items():
            out.append(f'{k}="{v}"')
        return " ".join(out)

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None = None,
             rx: float = 0, stroke: str | None = None, sw: float | None = None,
             opacity: float | None = None) -> None:
        # nanosvg draws a rounded rect as curves, 3-4x slower than a plain one: small
        # radii (windows, tiles), invisible at the sizes the game shows, are dropped
        r = f' rx="{_n(rx)}"' if rx >= 4 else ""
        self.parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}"{r} '
                          f'{self._attrs(fill, stroke, sw, opacity)}/>')

    def circle(self, cx: float, cy: float, r: float, fill: str | None = None,
               stroke: str | None = None, sw: float | None = None,
               opacity: float | None = None) -> None:
        self.parts.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" '
                          f'{self._attrs(fill, stroke, sw, opacity)}/>')

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: str | None = None,
                stroke: str | None = None, sw: float | None = None,
                opacity: float | None = None) -> None:
        self.parts.append(f'<ellipse cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(rx)}" ry="{_n(ry)}" '
                          f'{self._attrs(fill, stroke, sw, opacity)}/>')

    def poly(self, pts: list[tuple[float, float]], fill: str | None = None,
             stroke: str | None = None, sw: float | None = None,
             opacity: float | None = None) -> None:
        d = " ".join(f"{_n(x)},{_n(y)}" for x, y in pts)
        self.parts.append(f'<polygon points="{d}" {self._attrs(fill, stroke, sw, opacity)}/>')

    def path(self, d: str, fill: str | None = None, stroke: str | None = None,
             sw: float | None = None, opacity: float | None = None) -> None:
        self.parts.append(f'<path d="{d}" {self._attrs(fill, stroke, sw, opacity)}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = "ink",
             sw: float = 4, opacity: float | None = None) -> None:
        self.parts.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                          f'{self._attrs(None, stroke, sw, opacity)}/>')

    @contextmanager
    def group(self, transform: str = "", opacity: float | None = None) -> Iterator[None]:
        attrs = f' transform="{transform}"' if transform else ""
        if opacity is not None:
            attrs += f' opacity="{round(opacity, 2)}"'
        self.parts.append(f"<g{attrs}>")
        yield
        self.parts.append("</g>")

    def __str__(self) -> str:
        body = "\n".join(self.parts)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" height="{self.h}" '
                f'viewBox="0 0 {self.w} {self.h}">\n{body}\n</svg>\n')
