"""Things on a table, seen from above: the official letter and the university's envelope."""

from __future__ import annotations

from svgkit import Svg

W, H = 1600, 900


def tabletop(s: Svg, wood: str = "wood") -> None:
    s.rect(0, 0, W, H, wood)
    for y in range(0, H, 150):
        s.rect(0, y, W, 6, "wood2", opacity=0.5)
    for x, y in ((300, 70), (1100, 220), (700, 520), (1400, 680), (200, 820)):
        s.ellipse(x, y, 60, 8, "wood2", opacity=0.25)


def seal(s: Svg, x: float, y: float, r: float) -> None:
    """The city's wax seal: an eye inside a scalloped disc."""
    for i in range(12):
        with s.group(f"translate({x},{y}) rotate({i * 30})"):
            s.circle(0, -r * 0.92, r * 0.22, "wine")
    s.circle(x, y, r, "red")
    s.circle(x, y, r * 0.74, None, stroke="wine", sw=r * 0.06)
    s.path(f"M{x - r * 0.5:.1f},{y:.1f} Q{x:.1f},{y - r * 0.55:.1f} {x + r * 0.5:.1f},{y:.1f} "
           f"Q{x:.1f},{y + r * 0.55:.1f} {x - r * 0.5:.1f},{y:.1f} Z", "wine")
    s.circle(x, y, r * 0.16, "red")


def lines(s: Svg, x: float, y: float, w: float, n: int, gap: float = 34,
          colour: str = "mist") -> None:
    """Abstract lines of writing (pictures carry no text)."""
    for i in range(n):
        s.rect(x, y + i * gap, w * (0.62 if i % 4 == 3 else 1.0), 12, colour, rx=6)


def envelope(s: Svg, x: float, y: float, w: float, h: float, fill: str, flap: str,
             angle: float = 0) -> None:
    with s.group(f"rotate({angle} {x + w / 2:.0f} {y + h / 2:.0f})"):
        s.rect(x + 10, y + 14, w, h, "wood2", opacity=0.35)
        s.rect(x, y, w, h, fill, rx=8)
        s.poly([(x, y), (x + w / 2, y + h * 0.55), (x + w, y)], flap)
        s.path(f"M{x},{y + h} L{x + w * 0.42:.1f},{y + h * 0.48:.1f} "
               f"M{x + w},{y + h} L{x + w * 0.58:.1f},{y + h * 0.48:.1f}",
               stroke=flap, sw=4)


def letter(s: Svg) -> None:
    tabletop(s)
    envelope(s, 120, 420, 480, 300, "sand", "wheat", angle=-8)
    with s.group("rotate(4 1000 450)"):
        s.rect(700, 70, 620, 800, "wood2", opacity=0.35)
        s.rect(680, 50, 620, 800, "paper", rx=6)
        s.rect(680, 50, 620, 90, "teal")
        s.path("M730,95 Q770,60 810,95 Q770,130 730,95 Z", "paper")
        s.circle(770, 95, 14, "honey")
        s.rect(840, 82, 260, 24, "aqua", rx=12)
        lines(s, 740, 190, 500, 3, colour="slate")
        lines(s, 740, 320, 500, 8)
        s.rect(740, 620, 500, 80, "rose", rx=10)
        s.rect(770, 648, 300, 22, "red", rx=11)
        s.rect(1000, 760, 200, 10, "slate", rx=5)
        s.path("M1010,750 C1040,720 1060,770 1090,735 C1110,715 1130,760 1160,740",
               stroke="ink", sw=5)
        seal(s, 1180, 560, 60)
    s.circle(380, 180, 95, "paper")
    s.circle(380, 180, 74, "wood2")
    s.circle(380, 180, 66, "rust")
    s.path("M475,170 a28,28 0 0 1 0,40", stroke="paper", sw=14)
    for cx in (1410, 1530):
        s.circle(cx, 170, 52, None, stroke="ink", sw=10)
        s.circle(cx, 170, 46, "sky", opacity=0.35)
    s.path("M1462,170 Q1470,150 1478,170", stroke="ink", sw=8)
    with s.group("rotate(-30 1450 700)"):
        s.rect(1330, 690, 240, 22, "honey", rx=11)
        s.poly([(1570, 690), (1610, 701), (1570, 712)], "wheat")
        s.rect(1330, 690, 40, 22, "ink", rx=8)


def admission_letter(s: Svg) -> None:
    tabletop(s, "wood")
    for i, (x, y, colour) in enumerate(((200, 120, "coral"), (1350, 160, "honey"),
                                        (260, 760, "sea"), (1420, 720, "coral"),
                                        (640, 90, "sage"), (1180, 820, "honey"),
                                        (120, 460, "honey"), (1500, 430, "sea"))):
        with s.group(f"rotate({i * 37} {x} {y})"):
            s.rect(x - 14, y - 6, 28, 12, colour, rx=3)
    with s.group("rotate(-3 800 470)"):
        s.rect(420, 130, 760, 520, "wood2", opacity=0.35)
        s.rect(410, 120, 740, 500, "paper", rx=6)
        s.rect(410, 120, 740, 70, "wine")
        lines(s, 470, 300, 420, 6, colour="mist")
        s.circle(990, 360, 80, "honey")
        s.path("M950,360 L980,392 L1035,330", stroke="paper", sw=16)
    with s.group("rotate(5 800 600)"):
        s.rect(350, 440, 900, 420, "wood2", opacity=0.35)
        s.rect(340, 430, 900, 400, "sand", rx=10)
        s.poly([(340, 430), (790, 650), (1240, 430)], "wheat")
        s.path("M340,830 L730,620 M1240,830 L850,620", stroke="wheat", sw=5)
        s.path("M730,560 L850,560 L850,690 L790,730 L730,690 Z", "wine")
        s.rect(752, 590, 76, 50, "paper", rx=4)
        s.line(790, 590, 790, 640, "wine", 4)
        s.path("M700,700 L660,800 L700,780 L720,820 L760,715 Z", "honey")
        s.path("M880,700 L920,800 L880,780 L860,820 L820,715 Z", "honey")
        s.circle(790, 700, 44, "honey")
        s.circle(790, 700, 30, "apricot")


SCENES = {
    "letter.svg": letter,
    "admission-letter.svg": admission_letter,
}
