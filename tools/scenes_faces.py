"""The five main characters' faces, square portraits in the same flat style as the scenes."""

from __future__ import annotations

from motifs import Look, head
from svgkit import Svg

S = 800
R = 170  # head radius


def portrait(s: Svg, bg: str, look: Look, collar: str | None = None) -> None:
    """Background, shoulders, neck and head; the caller adds what makes the person theirs."""
    s.rect(0, 0, S, S, bg)
    s.circle(400, 400, 360, "paper", opacity=0.25)
    s.path("M90,800 C90,610 200,560 400,560 C600,560 710,610 710,800 Z", look.top)
    s.rect(350, 470, 100, 110, look.skin)
    s.path("M350,560 Q400,610 450,560 Z", look.skin)
    if collar:
        s.path("M320,570 L400,650 L480,570 L450,560 L400,610 L350,560 Z", collar)
    head(s, 400, 330, look, r=R)
    q = R / 42
    s.path(f"M{400 - 24 * q:.0f},{330 - 7 * q:.0f} Q{400 - 14 * q:.0f},{330 - 11 * q:.0f} "
           f"{400 - 5 * q:.0f},{330 - 7 * q:.0f}", stroke=look.hair if look.style != "helmet"
           else "hair1", sw=12)
    s.path(f"M{400 + 5 * q:.0f},{330 - 7 * q:.0f} Q{400 + 14 * q:.0f},{330 - 11 * q:.0f} "
           f"{400 + 24 * q:.0f},{330 - 7 * q:.0f}", stroke=look.hair if look.style != "helmet"
           else "hair1", sw=12)
    s.path(f"M{400:.0f},{330 + 4 * q:.0f} Q{400 - 6 * q:.0f},{330 + 12 * q:.0f} "
           f"{400:.0f},{330 + 13 * q:.0f}", stroke="wood2", sw=8, opacity=0.5)


def face_rider(s: Svg) -> None:
    look = Look("skin2", "sea", "ink", "hair1", "helmet", hat="rust")
    portrait(s, "aqua", look)
    s.path("M130,760 L670,760", stroke="honey", sw=30)
    s.rect(560, 640, 90, 60, "honey", rx=10)
    s.path("M280,190 C300,140 380,120 430,118", stroke="paper", sw=12, opacity=0.4)


def face_shop(s: Svg) -> None:
    look = Look("skin1", "coral", "ink", "hair2", "bun")
    portrait(s, "honey", look)
    s.path("M260,800 L280,640 L520,640 L540,800 Z", "teal")
    s.path("M300,640 L330,570 M500,640 L470,570", stroke="teal", sw=20)
    s.rect(370, 700, 60, 40, "sea", rx=8)
    s.path("M400,330 m-180,-40 a14,14 0 1 0 0.1,0", "honey")


def face_parent(s: Svg) -> None:
    look = Look("skin3", "slate", "ink", "hair1", "short")
    portrait(s, "sage", look, collar="paper")
    q = R / 42
    for dx in (-14, 14):
        s.circle(400 + dx * q, 338, 13 * q, None, stroke="ink", sw=10)
    s.line(400 - 4 * q, 336, 400 + 4 * q, 336, "ink", 10)


def face_student(s: Svg) -> None:
    look = Look("skin1", "honey", "ink", "hair1", "pony")
    portrait(s, "rose", look)
    s.path("M300,580 C300,660 500,660 500,580", stroke="rust", sw=18)
    s.line(350, 620, 340, 720, "paper", 10)
    s.line(450, 620, 460, 720, "paper", 10)
    s.circle(595, 250, 22, "coral")


def face_teen(s: Svg) -> None:
    look = Look("skin4", "coral", "ink", "hair1", "short")
    portrait(s, "fog", look)
    for dx in (-120, -70, -20, 30, 80, 125):  # curls along the top
        s.circle(400 + dx, 165 + abs(dx) * 0.4, 40, "hair1")
    s.path("M260,610 C250,680 550,680 540,610", stroke="ink", sw=22)
    s.circle(265, 615, 38, "teal")
    s.circle(535, 615, 38, "teal")


SIZES = {name: (S, S) for name in ("face-rider.svg", "face-shop.svg", "face-parent.svg",
                                   "face-student.svg", "face-teen.svg")}
SCENES = {
    "face-rider.svg": face_rider,
    "face-shop.svg": face_shop,
    "face-parent.svg": face_parent,
    "face-student.svg": face_student,
    "face-teen.svg": face_teen,
}
