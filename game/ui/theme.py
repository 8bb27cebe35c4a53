"""The visual identity: palettes, the type scale and spacing, and contrast arithmetic.

pygame-free, so the contrast test and the CLI can read it. A `Theme` is built
for one window size and one set of settings; screens re-layout when it changes.
"""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]

BASE_W, BASE_H = 1280, 720  # the design size: every length below is at this size


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours by role. Text roles are checked against the backgrounds they sit on."""

    name: str
    bg: RGB  # the page
    panel: RGB  # cards, the standing panel
    panel_alt: RGB  # an expanded or selected card
    ink: RGB  # body text
    muted: RGB  # secondary text
    accent: RGB  # primary buttons' fill, headings' rule
    on_accent: RGB  # text on accent
    button: RGB  # ordinary button fill
    on_button: RGB
    border: RGB  # button and card outlines (non-text; 3:1 is enough)
    focus: RGB  # the focus ring
    good: RGB  # gains (text on panel/bg), always with a + sign and an up arrow
    bad: RGB  # losses and closed doors (text on panel/bg), always with a sign and a shape
    blocked: RGB  # a closed door's fill
    on_blocked: RGB
    overlay: RGB  # the dimmed page behind a modal card
    chart_line: RGB


LIGHT = Palette(
    name="light",
    bg=hex_rgb("#f3efe6"), panel=hex_rgb("#fffdf8"), panel_alt=hex_rgb("#e9e3d6"),
    ink=hex_rgb("#1c2230"), muted=hex_rgb("#4f5566"),
    accent=hex_rgb("#0d5c63"), on_accent=hex_rgb("#ffffff"),
    button=hex_rgb("#e2ecea"), on_button=hex_rgb("#0f2a2e"),
    border=hex_rgb("#6f7787"), focus=hex_rgb("#b3541e"),
    good=hex_rgb("#1d6640"), bad=hex_rgb("#9e2a2b"),
    blocked=hex_rgb("#ece4e1"), on_blocked=hex_rgb("#5c1a1b"),
    overlay=hex_rgb("#1c2230"), chart_line=hex_rgb("#0d5c63"),
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    bg=hex_rgb("#000000"), panel=hex_rgb("#0e0e0e"), panel_alt=hex_rgb("#1f1f1f"),
    ink=hex_rgb("#ffffff"), muted=hex_rgb("#e0e0e0"),
    accent=hex_rgb("#ffe14d"), on_accent=hex_rgb("#000000"),
    button=hex_rgb("#1a1a1a"), on_button=hex_rgb("#ffffff"),
    border=hex_rgb("#ffffff"), focus=hex_rgb("#4de1ff"),
    good=hex_rgb("#7dffa8"), bad=hex_rgb("#ff9e9e"),
    blocked=hex_rgb("#2a0d0d"), on_blocked=hex_rgb("#ffd0d0"),
    overlay=hex_rgb("#000000"), chart_line=hex_rgb("#ffe14d"),
)

# (text role, background role) pairs that occur on screen; the contrast test checks each.
TEXT_PAIRS = (
    ("ink", "bg"), ("ink", "panel"), ("ink", "panel_alt"), ("muted", "bg"), ("muted", "panel"),
    ("muted", "panel_alt"), ("on_accent", "accent"), ("on_button", "button"),
    ("good", "panel"), ("good", "bg"), ("bad", "panel"), ("bad", "bg"), ("bad", "panel_alt"),
    ("good", "panel_alt"), ("on_blocked", "blocked"), ("accent", "bg"), ("accent", "panel"),
    ("ink", "button"),
)
# Non-text elements (outlines, focus ring, chart line) need 3:1 (WCAG 1.4.11).
GRAPHIC_PAIRS = (("border", "bg"), ("border", "panel"), ("focus", "bg"), ("focus", "panel"),
                 ("chart_line", "panel"), ("focus", "button"))


def luminance(c: RGB) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def lin(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


# The type scale at the design size, in px: body 22 and at least three text-size steps.
TYPE_SCALE = {"small": 17, "body": 22, "lead": 26, "h2": 30, "h1": 44, "display": 64}

# In a small window text shrinks with it, but never below these sizes.
MIN_TYPE_PX = {"small": 13, "body": 15, "lead": 17}


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours and lengths for one window size and one set of settings."""

    pal: Palette
    scale: float  # window size relative to the design size
    text_scale: float  # the player's text size step
    touch_px: int  # the smallest touch target, in px
    reduced_motion: bool
    opaque: bool
    kiosk: bool = False
    classroom: bool = False

    @classmethod
    def build(cls, size: tuple[int, int], *, high_contrast: bool, text_scale: float,
              reduced_motion: bool, opaque: bool, touch_px: int = 44, kiosk: bool = False,
              classroom: bool = False, min_body_px: int = 0) -> Theme:
        scale = max(0.5, min(size[0] / BASE_W, size[1] / BASE_H))
        if min_body_px:
            text_scale = max(text_scale, min_body_px / (TYPE_SCALE["body"] * scale))
        pal = HIGH_CONTRAST if high_contrast else LIGHT
        return cls(pal, scale, text_scale, touch_px, reduced_motion, opaque, kiosk, classroom)

    def px(self, n: float) -> int:
        """A length at the design size, scaled to the window."""
        return max(1, round(n * self.scale))

    def type_px(self, role: str) -> int:
        """A role's size in px: scaled with the window, never below a readable floor."""
        size = round(TYPE_SCALE[role] * self.scale * self.text_scale)
        return max(MIN_TYPE_PX.get(role, 16), size)

    @property
    def gap(self) -> int:
        return self.px(16)

    @property
    def margin(self) -> int:
        return self.px(32)

    @property
    def radius(self) -> int:
        return self.px(10)

    @property
    def target(self) -> int:
        """The minimum height of anything you can press."""
        return max(self.touch_px, self.px(48))
