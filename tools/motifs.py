"""The recurring pieces of every picture: people, cameras, buildings, trees, furniture.

All in the flat style of svgkit's palette. A person stands on (x, y) (their feet) and is
about 330 units tall at scale 1; everything else is in picture units.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from svgkit import Svg


@dataclass(frozen=True)
class Look:
    """How a person looks: skin, clothes and hair colours, and a hair style."""

    skin: str = "skin1"
    top: str = "teal"
    bottom: str = "slate"
    hair: str = "hair1"
    style: str = "short"  # short, long, bun, bald, cap, helmet, pony
    hat: str = "rust"  # the cap or helmet colour


def person(s: Svg, x: float, y: float, look: Look, scale: float = 1.0, pose: str = "down",
           face: bool = True, child: bool = False, back: bool = False) -> None:
    """A standing person, front view (or from behind); `pose`: down, wave, hold, phone, point."""
    k = scale * (0.72 if child else 1.0)
    with s.group(f"translate({x:.1f},{y:.1f}) scale({k:.3f})"):
        _body(s, look, "down" if back else pose)
        head(s, 0, -300, look, face=face and not back, back=back)


def _body(s: Svg, look: Look, pose: str) -> None:
    s.rect(-24, -135, 20, 130, look.bottom, rx=8)
    s.rect(4, -135, 20, 130, look.bottom, rx=8)
    s.ellipse(-16, -4, 18, 8, "ink")
    s.ellipse(16, -4, 18, 8, "ink")
    s.rect(-10, -268, 20, 26, look.skin)
    s.rect(-40, -252, 80, 132, look.top, rx=30)
    hands = {"down": ((-50, -140), (50, -140)), "wave": ((-50, -140), (62, -330)),
             "hold": ((-22, -180), (22, -180)), "phone": ((-50, -140), (14, -205)),
             "point": ((-50, -140), (110, -250))}[pose]
    for sx, (hx, hy) in zip((-34, 34), hands, strict=True):
        s.line(sx, -228, hx, hy, look.top, 22)
        s.circle(hx, hy, 12, look.skin)
    if pose == "phone":
        s.rect(2, -242, 26, 44, "ink", rx=5)
        s.rect(6, -237, 18, 32, "aqua", rx=2)


def head(s: Svg, x: float, y: float, look: Look, r: float = 42, face: bool = True,
         back: bool = False) -> None:
    """A head at (x, y) of radius r with hair and a kind, simple face (or seen from behind)."""
    q = r / 42
    if back:
        s.circle(x - 41 * q, y + 4 * q, 9 * q, look.skin)
        s.circle(x + 41 * q, y + 4 * q, 9 * q, look.skin)
        s.circle(x, y + 4 * q, r, look.skin)
        if look.style in ("cap", "helmet", "bald"):
            s.path(f"M{x - r:.1f},{y:.1f} A{r:.1f},{r:.1f} 0 0 1 {x + r:.1f},{y:.1f} Z",
                   look.hat if look.style != "bald" else look.skin)
            return
        s.circle(x, y, r + 3 * q, look.hair)
        if look.style in ("long", "pony"):
            s.rect(x - 44 * q, y, 88 * q, 60 * q, look.hair, rx=24 * q)
        if look.style == "bun":
            s.circle(x, y - 44 * q, 20 * q, look.hair)
        return
    if look.style in ("long", "pony"):
        s.rect(x - 46 * q, y - 20 * q, 92 * q, 80 * q, look.hair, rx=26 * q)
    if look.style == "bun":
        s.circle(x, y - 48 * q, 20 * q, look.hair)
    if look.style == "pony":
        s.ellipse(x + 44 * q, y + 6 * q, 14 * q, 34 * q, look.hair)
    s.circle(x - 41 * q, y + 4 * q, 9 * q, look.skin)
    s.circle(x + 41 * q, y + 4 * q, 9 * q, look.skin)
    if look.style not in ("bald", "cap", "helmet"):
        s.circle(x, y - 6 * q, 45 * q, look.hair)
    s.circle(x, y + 4 * q, r, look.skin)
    if look.style in ("short", "long", "bun", "pony"):
        s.path(f"M{x - 44 * q:.1f},{y:.1f} C{x - 40 * q:.1f},{y - 50 * q:.1f} "
               f"{x + 40 * q:.1f},{y - 50 * q:.1f} {x + 44 * q:.1f},{y:.1f} "
               f"C{x + 20 * q:.1f},{y - 22 * q:.1f} {x - 20 * q:.1f},{y - 26 * q:.1f} "
               f"{x - 44 * q:.1f},{y:.1f} Z", look.hair)
    if look.style == "cap":
        s.path(f"M{x - 44 * q:.1f},{y - 4 * q:.1f} A{44 * q:.1f},{40 * q:.1f} 0 0 1 "
               f"{x + 44 * q:.1f},{y - 4 * q:.1f} Z", look.hat)
        s.rect(x - 10 * q, y - 12 * q, 70 * q, 10 * q, look.hat, rx=5 * q)
    if look.style == "helmet":
        s.path(f"M{x - 50 * q:.1f},{y - 10 * q:.1f} A{50 * q:.1f},{50 * q:.1f} 0 0 1 "
               f"{x + 50 * q:.1f},{y - 10 * q:.1f} Z", look.hat)
        s.rect(x - 52 * q, y - 16 * q, 104 * q, 9 * q, "ink", rx=4.5 * q)
    if face:
        s.circle(x - 14 * q, y + 2 * q, 4.5 * q, "ink")
        s.circle(x + 14 * q, y + 2 * q, 4.5 * q, "ink")
        s.path(f"M{x - 12 * q:.1f},{y + 20 * q:.1f} Q{x:.1f},{y + 30 * q:.1f} "
               f"{x + 12 * q:.1f},{y + 20 * q:.1f}", stroke="ink", sw=3.5 * q)
        s.circle(x - 24 * q, y + 16 * q, 6 * q, "coral", opacity=0.35)
        s.circle(x + 24 * q, y + 16 * q, 6 * q, "coral", opacity=0.35)


def camera(s: Svg, x: float, y: float, scale: float = 1.0, flip: bool = False,
           tilt: float = 12) -> None:
    """A street camera on a wall arm whose mount is at (x, y), looking down and out."""
    sx = -scale if flip else scale
    with s.group(f"translate({x:.1f},{y:.1f}) scale({sx:.3f},{scale:.3f})"):
        s.rect(-8, -14, 16, 28, "slate", rx=4)
        s.line(0, 0, 40, 14, "slate", 10)
        with s.group(f"translate(40,14) rotate({tilt})"):
            s.rect(-6, -20, 96, 40, "mist", rx=10)
            s.rect(-12, -28, 108, 12, "slate", rx=6)
            s.circle(90, 0, 17, "ink")
            s.circle(90, 0, 8, "sea")
            s.circle(94, -4, 3, "white")
            s.circle(12, 2, 5, "red")


def pole_camera(s: Svg, x: float, ground: float, top: float, scale: float = 1.0,
                flip: bool = False) -> None:
    """A camera on its own pole, from the ground up to `top`."""
    s.rect(x - 7 * scale, top, 14 * scale, ground - top, "slate", rx=5 * scale)
    camera(s, x, top + 10 * scale, scale, flip)


def dome(s: Svg, x: float, y: float, r: float = 26) -> None:
    """A dome camera hanging from a ceiling at (x, y)."""
    s.rect(x - r * 1.2, y, r * 2.4, r * 0.35, "mist", rx=r * 0.15)
    s.path(f"M{x - r:.1f},{y + r * 0.35:.1f} A{r:.1f},{r:.1f} 0 0 0 {x + r:.1f},"
           f"{y + r * 0.35:.1f} Z", "slate")
    s.circle(x, y + r * 0.8, r * 0.3, "ink")
    s.circle(x + r * 0.1, y + r * 0.7, r * 0.09, "sea")


def building(s: Svg, x: float, base: float, w: float, h: float, fill: str,
             window: str, rng: random.Random, lit: str | None = None, cell: float = 34,
             lit_share: float = 0.3) -> None:
    """A block with a grid of windows; with `lit`, a share of them glow."""
    s.rect(x, base - h, w, h, fill)
    cols = max(1, int((w - cell * 0.6) // cell))
    rows = max(1, int((h - cell) // (cell * 1.3)))
    gap = (w - cols * cell * 0.55) / (cols + 1)
    for r in range(rows):
        for col in range(cols):
            wx = x + gap + col * (cell * 0.55 + gap)
            wy = base - h + cell * 0.7 + r * cell * 1.3
            colour = lit if lit and rng.random() < lit_share else window
            s.rect(wx, wy, cell * 0.55, cell * 0.75, colour, rx=3)


def skyline(s: Svg, base: float, rng: random.Random, fill: str, window: str,
            lo: float, hi: float, lit: str | None = None, x0: float = -20,
            x1: float | None = None, cell: float = 30) -> None:
    """A row of blocks of random widths and heights between `lo` and `hi`."""
    x1 = s.w + 20 if x1 is None else x1
    x = x0
    while x < x1:
        w = min(rng.randint(4, 9) * 20, x1 - x)  # never past x1: a view through a window
        if w >= cell:
            building(s, x, base, w, rng.uniform(lo, hi), fill, window, rng, lit, cell)
        x += w + rng.choice((0, 10, 20))


def tree(s: Svg, x: float, ground: float, scale: float = 1.0, leaf: str = "leaf") -> None:
    s.rect(x - 9 * scale, ground - 120 * scale, 18 * scale, 120 * scale, "wood2", rx=6 * scale)
    s.circle(x, ground - 170 * scale, 70 * scale, leaf)
    s.circle(x - 45 * scale, ground - 130 * scale, 45 * scale, leaf)
    s.circle(x + 48 * scale, ground - 135 * scale, 48 * scale, leaf)
    s.circle(x - 20 * scale, ground - 195 * scale, 30 * scale, "sage", opacity=0.6)


def cloud(s: Svg, x: float, y: float, scale: float = 1.0) -> None:
    for dx, dy, r in ((0, 0, 34), (40, -14, 44), (86, 0, 32), (40, 12, 30)):
        s.circle(x + dx * scale, y + dy * scale, r * scale, "paper")


def plant(s: Svg, x: float, y: float, scale: float = 1.0) -> None:
    """A potted plant standing on (x, y)."""
    for ang in (-35, -12, 12, 35):
        with s.group(f"translate({x:.1f},{y - 50 * scale:.1f}) rotate({ang})"):
            s.ellipse(0, -40 * scale, 16 * scale, 44 * scale, "leaf")
    s.path(f"M{x - 30 * scale:.1f},{y - 60 * scale:.1f} L{x + 30 * scale:.1f},"
           f"{y - 60 * scale:.1f} L{x + 22 * scale:.1f},{y:.1f} L{x - 22 * scale:.1f},{y:.1f} Z",
           "rust")


def lamp(s: Svg, x: float, ceiling: float, drop: float, glow: bool = True) -> None:
    """A hanging lamp with a warm pool of light."""
    s.line(x, ceiling, x, ceiling + drop, "ink", 4)
    if glow:
        s.circle(x, ceiling + drop + 40, 150, "glow", opacity=0.18)
        s.circle(x, ceiling + drop + 30, 80, "glow", opacity=0.25)
    s.path(f"M{x - 60:.1f},{ceiling + drop + 40:.1f} L{x - 24:.1f},{ceiling + drop:.1f} "
           f"L{x + 24:.1f},{ceiling + drop:.1f} L{x + 60:.1f},{ceiling + drop + 40:.1f} Z", "honey")
    s.circle(x, ceiling + drop + 44, 12, "glow")


def window_frame(s: Svg, x: float, y: float, w: float, h: float, sky: str = "sky",
                 frame: str = "paper") -> None:
    """A window with a cross frame; draw the view through it before calling this."""
    s.rect(x, y, w, h, None, stroke=frame, sw=14)
    s.line(x + w / 2, y, x + w / 2, y + h, frame, 10)
    s.line(x, y + h / 2, x + w, y + h / 2, frame, 10)


def table(s: Svg, x: float, y: float, w: float, top: str = "wood", legs: str = "wood2",
          h: float = 140) -> None:
    """A table seen from the front, its top at y."""
    s.rect(x, y, w, 22, top, rx=6)
    s.rect(x + 20, y + 22, 18, h, legs)
    s.rect(x + w - 38, y + 22, 18, h, legs)


def chair_back(s: Svg, x: float, y: float, fill: str = "wood2") -> None:
    """The back of a chair standing with its seat at height y."""
    s.rect(x - 50, y - 120, 100, 120, fill, rx=14)
    s.rect(x - 38, y - 108, 76, 60, "wood", rx=8)


def sign_panel(s: Svg, x: float, y: float, w: float, h: float, fill: str,
               bars: int = 2, bar: str = "paper", icon: str | None = None) -> None:
    """A sign with abstract 'writing' bars (no text: pictures carry none) and an icon dot."""
    s.rect(x, y, w, h, fill, rx=min(w, h) * 0.12)
    pad = h * 0.22
    left = x + pad + (h - 2 * pad + pad if icon else 0)
    if icon:
        s.circle(x + pad + (h - 2 * pad) / 2, y + h / 2, (h - 2 * pad) / 2, icon)
    span = (h - 2 * pad) / max(1, bars * 2 - 1)
    for i in range(bars):
        bw = (x + w - pad - left) * (1.0 if i == 0 else 0.6)
        s.rect(left, y + pad + i * span * 2, bw, span, bar, rx=span / 2)
