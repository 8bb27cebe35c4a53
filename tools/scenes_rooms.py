"""Indoor scenes: counters and desks where the score is checked, and rooms where people live."""

from __future__ import annotations

import math
import random

from motifs import (
    Look,
    camera,
    chair_back,
    dome,
    head,
    lamp,
    person,
    plant,
    sign_panel,
    skyline,
    table,
    window_frame,
)
from svgkit import Svg

W, H = 1600, 900


def room(s: Svg, wall: str, floor: str, floor_y: float = 640, skirting: str = "wood2") -> None:
    s.rect(0, 0, W, H, wall)
    s.rect(0, floor_y, W, H - floor_y, floor)
    s.rect(0, floor_y - 12, W, 12, skirting)


def counter(s: Svg, x: float, y: float, w: float, fill: str = "teal", top: str = "paper",
            h: float = 260) -> None:
    """A service counter whose top edge is at y (people behind it are hidden below y)."""
    s.rect(x, y, w, h, fill)
    s.rect(x - 10, y - 16, w + 20, 24, top, rx=6)
    s.rect(x + 30, y + 40, w - 60, 8, "paper", opacity=0.3)


def glass(s: Svg, x: float, y: float, w: float, h: float) -> None:
    """A clear screen on a counter: a pale pane with two glints."""
    s.rect(x, y, w, h, "sky", opacity=0.22, stroke="steel", sw=4)
    s.line(x + w * 0.15, y + h * 0.15, x + w * 0.35, y + h * 0.05, "paper", 6)
    s.line(x + w * 0.15, y + h * 0.3, x + w * 0.5, y + h * 0.1, "paper", 4)


def gauge(s: Svg, x: float, y: float, r: float, needle: float = 0.35,
          needle_colour: str = "ink") -> None:
    """A small score dial: red, amber, green bands and a needle at `needle` (0 to 1)."""
    bands = (("red", 0.0, 0.33), ("honey", 0.33, 0.66), ("leaf", 0.66, 1.0))
    for colour, a, b in bands:
        p0 = (x - r * math.cos(math.pi * a), y - r * math.sin(math.pi * a))
        p1 = (x - r * math.cos(math.pi * b), y - r * math.sin(math.pi * b))
        s.path(f"M{p0[0]:.1f},{p0[1]:.1f} A{r:.1f},{r:.1f} 0 0 1 {p1[0]:.1f},{p1[1]:.1f}",
               stroke=colour, sw=r * 0.22)
    ang = math.pi * needle
    s.line(x, y, x - r * 0.8 * math.cos(ang), y - r * 0.8 * math.sin(ang), needle_colour,
           r * 0.08)
    s.circle(x, y, r * 0.1, needle_colour)


def bank(s: Svg) -> None:
    room(s, "fog", "wheat")
    s.rect(0, 0, W, 70, "slate")
    dome(s, 300, 70)
    dome(s, 1300, 70)
    s.rect(560, 120, 480, 260, "ink", rx=16)
    gauge(s, 800, 330, 160, 0.3, "paper")
    s.rect(140, 140, 320, 200, "paper", rx=12)
    for i in range(5):
        s.ellipse(240, 300 - i * 22, 56, 18, "honey" if i % 2 else "apricot", stroke="rust", sw=3)
    s.path("M330,310 L330,190 L420,190 L420,310 Z", "leaf")
    s.path("M330,190 L375,150 L420,190 Z", "moss")
    person(s, 800, 700, Look("skin2", "slate", "ink", "hair1", "short"), 0.9)
    s.rect(782, 500, 36, 80, "wine", rx=6)
    counter(s, 200, 600, 1200)
    glass(s, 220, 300, 1160, 290)
    s.rect(620, 590, 160, 14, "paper")
    s.rect(900, 560, 120, 40, "ink", rx=6)
    s.rect(906, 566, 108, 28, "aqua", rx=4)
    person(s, 1240, 1000, Look("skin1", "rust", "ink", "hair2", "long"), 1.2, back=True)
    plant(s, 100, 640, 1.2)


def shop(s: Svg) -> None:
    """A small print shop: reams on the shelves, a copier, a folding machine, the counter."""
    room(s, "cream", "wood", 660)
    rng = random.Random(21)
    for row in range(3):  # shelves of paper reams and bundled booklets
        y = 150 + row * 140
        s.rect(60, y + 100, 560, 16, "wood2")
        x = 80
        while x < 590:
            w = rng.choice((70, 80, 90))
            colour = rng.choice(("paper", "paper", "aqua", "apricot", "rose", "sage", "honey"))
            for k in range(rng.randint(2, 4)):
                top = y + 100 - (k + 1) * 22
                s.rect(x, top, w, 20, colour, rx=2, stroke="wheat", sw=2)
                s.rect(x + w * 0.3, top, 10, 20, "rust", opacity=0.6)
            x += w + rng.choice((10, 16))
    for i, (colour, icon) in enumerate((("teal", "honey"), ("coral", "paper"),
                                        ("sea", "rose"))):  # the shop's sample posters
        x = 700 + i * 150
        s.rect(x, 120, 120, 160, "paper", rx=4, stroke="wood2", sw=6)
        s.rect(x + 12, 132, 96, 80, colour)
        s.circle(x + 60, 172, 24, icon)
        s.rect(x + 14, 226, 80, 10, "slate", rx=5)
        s.rect(x + 14, 246, 56, 8, "mist", rx=4)
    dome(s, 800, 0)
    # the copier, with a sheet coming out
    s.rect(1040, 330, 280, 330, "mist", rx=16)
    s.rect(1040, 330, 280, 60, "steel", rx=16)
    s.rect(1076, 350, 90, 30, "aqua", rx=6)
    for i, colour in enumerate(("leaf", "honey", "red")):
        s.circle(1200 + i * 36, 365, 10, colour)
    s.rect(1060, 430, 240, 20, "slate", rx=6)
    s.rect(990, 470, 90, 60, "paper", stroke="wheat", sw=3)
    s.rect(990, 500, 90, 10, "teal", opacity=0.7)
    for i in range(3):
        s.rect(1070 + i * 12, 560 + i * 22, 220, 18, "steel", rx=4)
    # Auntie Liu at the folding machine
    s.rect(1350, 600, 150, 110, "sea", rx=10)
    s.rect(1362, 712, 16, 90, "slate")
    s.rect(1472, 712, 16, 90, "slate")
    s.rect(1360, 578, 130, 26, "paper", stroke="wheat", sw=3)
    s.circle(1470, 640, 10, "leaf")
    person(s, 1540, 820, Look("skin1", "plum", "ink", "hair3", "bun"), 0.85)
    # the owner behind the counter
    person(s, 420, 800, Look("skin2", "teal", "ink", "hair1", "short"), 1.15, pose="hold")
    s.rect(360, 596, 120, 36, "paper", stroke="wheat", sw=3)
    s.rect(360, 610, 120, 8, "coral")
    counter(s, 120, 640, 860, fill="wood2", top="wood")
    for k in range(4):
        s.rect(640, 600 - k * 14, 140, 14, ("paper", "aqua", "paper", "honey")[k], rx=2,
               stroke="wheat", sw=2)
    s.rect(840, 560, 110, 80, "ink", rx=8)
    s.rect(850, 570, 90, 50, "aqua", rx=4)
    s.path("M200,624 a30,28 0 0 1 60,0 Z", "honey")
    s.rect(192, 620, 76, 8, "wood2", rx=3)


def home_kitchen(s: Svg) -> None:
    room(s, "dusk", "wood2", 680, skirting="ink")
    rng = random.Random(22)
    s.rect(980, 120, 420, 320, "night")
    skyline(s, 440, rng, "ink", "dusk", 80, 260, lit="glow", x0=980, x1=1400, cell=24)
    s.circle(1320, 180, 26, "glow")
    s.rect(960, 440, 460, 20, "paper")
    window_frame(s, 980, 120, 420, 320, frame="paper")
    s.rect(100, 300, 260, 390, "mist", rx=16)
    s.rect(100, 440, 260, 8, "steel")
    s.rect(320, 340, 14, 70, "steel", rx=6)
    s.rect(420, 420, 400, 260, "slate")
    s.rect(420, 410, 400, 20, "steel")
    for x in (500, 620, 740):
        s.circle(x, 408, 22, "ink")
    lamp(s, 800, 0, 230)
    table(s, 560, 600, 520, h=100)
    s.rect(620, 560, 70, 40, "paper", rx=8)
    s.path("M690,570 a18,16 0 0 1 0,26", stroke="paper", sw=6)
    s.rect(760, 580, 130, 18, "ink", rx=6)
    s.rect(766, 576, 118, 14, "aqua", rx=4)
    s.rect(940, 540, 90, 60, "paper", rx=4)
    s.rect(950, 552, 70, 6, "steel")
    s.rect(950, 566, 50, 6, "steel")
    chair_back(s, 540, 720, "wood")
    plant(s, 1500, 680, 1.1)


def family(s: Svg) -> None:
    room(s, "apricot", "wood2", 700)
    s.rect(1100, 110, 360, 280, "sky")
    window_frame(s, 1100, 110, 360, 280)
    s.rect(140, 140, 200, 150, "paper", rx=6, stroke="wood2", sw=12)
    s.circle(200, 230, 30, "sea")
    s.circle(270, 215, 40, "leaf")
    lamp(s, 800, 0, 190)
    for x, look, k, top in ((500, Look("skin2", "teal", "ink", "hair1", "short"), 0.95, 460),
                            (700, Look("skin2", "coral", "ink", "hair1", "bun"), 0.9, 470),
                            (900, Look("skin2", "honey", "ink", "hair1", "pony"), 0.7, 505),
                            (1090, Look("skin3", "plum", "ink", "hair3", "bun"), 0.85, 475)):
        person(s, x, top + 300 * k, look, k, pose="hold")
    table(s, 330, 640, 940, top="paper", legs="wood", h=200)
    s.rect(330, 662, 940, 130, "rose")
    s.rect(330, 780, 940, 12, "coral")
    for x in (440, 640, 850, 1060):
        s.ellipse(x + 60, 632, 60, 14, "paper", stroke="mist", sw=4)
        s.ellipse(x + 60, 626, 36, 10, ("honey", "leaf", "coral", "honey")[(x // 10) % 4])
    s.ellipse(800, 618, 90, 30, "rust")
    s.ellipse(800, 606, 70, 18, "apricot")
    s.rect(1200, 560, 16, 70, "paper")
    s.circle(1208, 552, 8, "glow")


def classroom(s: Svg) -> None:
    room(s, "sand", "wood", 700)
    s.rect(380, 110, 840, 380, "moss", rx=8, stroke="wood2", sw=16)
    for i, w in enumerate((520, 380, 600, 300)):
        s.rect(440, 160 + i * 70, w, 16, "paper", rx=8, opacity=0.8)
    s.circle(1080, 380, 60, None, stroke="paper", sw=8, opacity=0.8)
    s.path("M1050,380 L1075,405 L1115,355", stroke="honey", sw=10)
    dome(s, 1500, 0)
    s.rect(80, 180, 200, 260, "paper", rx=6)
    for i in range(4):
        s.rect(100, 200 + i * 60, 160, 40, ("coral", "sage", "honey", "aqua")[i], rx=6)
    person(s, 250, 720, Look("skin4", "plum", "ink", "hair1", "bun"), 0.95, pose="point")
    for row, y in enumerate((760, 900)):
        for i in range(4):
            x = 420 + i * 260 + row * 60
            look = Look(("skin1", "skin2", "skin3", "skin4")[(i + row) % 4],
                        ("teal", "coral", "honey", "sea", "rust")[(i + 2 * row) % 5],
                        hair=("hair1", "hair2")[(i + row) % 2],
                        style=("short", "pony", "bun", "short")[(i + row) % 4])
            s.rect(x - 60, y - 120, 120, 90, look.top, rx=30)
            head(s, x, y - 170, look, r=38, back=True)
            s.rect(x - 110, y - 40, 220, 26, "wood2", rx=6)


def service_hall(s: Svg) -> None:
    room(s, "fog", "wheat", 660)
    s.rect(0, 0, W, 60, "slate")
    dome(s, 800, 60)
    s.rect(560, 90, 480, 150, "ink", rx=12)
    for i in range(4):
        s.rect(600 + i * 110, 120, 80, 40, ("leaf", "slate", "slate", "honey")[i], rx=6)
        for d in range(i + 1):
            s.circle(615 + i * 110 + d * 16, 195, 6, "glow")
    for i in range(4):
        x = 100 + i * 370
        s.rect(x, 270, 330, 60, "teal", rx=8)
        for d in range(i + 1):
            s.circle(x + 40 + d * 34, 300, 12, "paper")
        person(s, x + 165, 640, Look(("skin1", "skin3", "skin2", "skin4")[i], "sea", "ink",
                                     ("hair2", "hair1", "hair3", "hair1")[i],
                                     ("bun", "short", "short", "long")[i]), 0.75)
        counter(s, x, 520, 330, fill="teal", h=140)
        glass(s, x + 10, 340, 310, 170)
    s.rect(0, 660, W, 240, "wheat")
    for i in range(6):
        s.rect(160 + i * 120, 760, 100, 70, "coral", rx=14)
        s.rect(170 + i * 120, 830, 10, 50, "slate")
        s.rect(240 + i * 120, 830, 10, 50, "slate")
    person(s, 1020, 820, Look("skin2", "honey", "ink", "hair1", "cap", hat="rust"), 0.7,
           pose="phone")
    s.rect(1180, 640, 120, 220, "steel", rx=12)
    s.rect(1200, 665, 80, 60, "aqua", rx=6)
    s.rect(1210, 750, 60, 10, "ink")
    person(s, 1400, 890, Look("skin1", "rust", "slate", "hair2", "pony"), 0.8, pose="phone")


def hotel(s: Svg) -> None:
    room(s, "rose", "wood", 680)
    s.rect(0, 0, W, 50, "wine")
    for x in (200, 1400):
        s.circle(x, 130, 70, "glow", opacity=0.35)
        s.circle(x, 130, 24, "glow")
    s.rect(520, 120, 560, 260, "wood2", rx=10)
    for i in range(3):
        for j in range(6):
            x, y = 565 + j * 85, 160 + i * 75
            s.circle(x, y, 6, "honey")
            if (i * 6 + j) % 4 != 1:
                s.rect(x - 4, y + 6, 8, 24, "honey", rx=3)
                s.rect(x - 10, y + 30, 20, 20, ("teal", "coral", "sage")[(i + j) % 3], rx=4)
    dome(s, 800, 50)
    person(s, 820, 710, Look("skin2", "wine", "ink", "hair1", "bun"), 0.9)
    s.rect(800, 580, 40, 26, "paper")
    counter(s, 340, 620, 920, fill="wood2", top="honey")
    s.path("M560,604 a30,28 0 0 1 60,0 Z", "honey")
    s.rect(552, 600, 76, 8, "wood2", rx=3)
    s.rect(900, 560, 130, 60, "ink", rx=6)
    s.rect(908, 568, 114, 40, "aqua", rx=4)
    plant(s, 200, 690, 1.6)
    person(s, 1380, 900, Look("skin4", "teal", "slate", "hair1", "short"), 1.0)
    s.rect(1450, 700, 90, 150, "coral", rx=14)
    s.line(1495, 700, 1495, 650, "ink", 8)


def hospital(s: Svg) -> None:
    s.rect(0, 0, W, H, "fog")
    s.poly([(0, 0), (600, 280), (1000, 280), (W, 0)], "paper")
    s.poly([(0, H), (600, 560), (1000, 560), (W, H)], "aqua")
    s.poly([(0, 0), (600, 280), (600, 560), (0, H)], "sky")
    s.poly([(W, 0), (1000, 280), (1000, 560), (W, H)], "sky")
    s.rect(600, 280, 400, 280, "mist")
    s.rect(740, 360, 120, 200, "paper")
    for x0, side in ((0, 1), (W, -1)):
        for k in (0.25, 0.55, 0.8):
            x = x0 + side * (600 * (1 - k))
            top = 280 * (1 - k) + 40 * k
            s.rect(min(x, x + side * 60 * k), top + 120 * k, 60 * k + 20, 360 * k, "sea")
        s.line(x0 + side * 10, 560, x0 + side * 590, 450, "steel", 10)
    for x in (700, 900):
        s.rect(x - 40, 300, 80, 20, "glow")
    s.rect(760, 380, 80, 80, "leaf", rx=8)
    s.rect(790, 392, 20, 56, "paper")
    s.rect(772, 410, 56, 20, "paper")
    dome(s, 800, 0, 30)
    person(s, 620, 820, Look("skin3", "aqua", "sea", "hair1", "bun"), 0.85, pose="hold")
    s.rect(598, 600, 44, 56, "paper", rx=4)
    person(s, 1050, 800, Look("skin1", "slate", "ink", "hair3", "short"), 0.8)
    s.rect(1140, 720, 160, 24, "coral", rx=8)
    s.rect(1150, 744, 12, 60, "slate")
    s.rect(1280, 744, 12, 60, "slate")


def brackets(s: Svg, x: float, y: float, w: float, h: float, arm: float,
             sw: float) -> None:
    """Red face-recognition corners around a rectangle."""
    for bx, by, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1),
                           (x + w, y + h, -1, -1)):
        s.line(bx, by, bx + dx * arm, by, "red", sw)
        s.line(bx, by, bx, by + dy * arm, "red", sw)


def cinema(s: Svg) -> dict[str, tuple[float, float, float, float]]:
    """Before the film, the screen shows debtors' faces; the fourth tile is the player's."""
    s.rect(0, 0, W, H, "night")
    s.poly([(800, 900), (280, 100), (1320, 100)], "glow", opacity=0.08)
    s.rect(260, 70, 1080, 470, "paper", rx=10)
    s.rect(280, 90, 1040, 430, "dusk", rx=6)
    looks = (Look("skin2", "sea", hair="hair1", style="short"),
             Look("skin1", "coral", hair="hair2", style="bun"),
             Look("skin3", "honey", hair="hair3", style="short"))
    for i, look in enumerate(looks):
        x, y = 320 + i * 220, 170
        s.rect(x, y, 190, 190, "night", rx=8)
        s.rect(x + 40, y + 130, 110, 60, look.top, rx=26)
        head(s, x + 95, y + 86, look, r=46)
        brackets(s, x, y, 190, 190, 22, 6)
        s.rect(x, y + 206, 130, 16, "red", rx=8)
        s.rect(x, y + 236, 90, 12, "steel", rx=6)
    slot = (1000, 130, 280, 280)
    s.rect(*slot, "mist", rx=8)
    brackets(s, 988, 118, 304, 304, 46, 10)
    s.rect(1000, 430, 220, 22, "red", rx=11)
    s.rect(1000, 466, 150, 14, "steel", rx=7)
    s.rect(0, 560, W, 40, "ink")
    for row, y in enumerate((680, 800, 920)):
        for i in range(-1, 10):
            x = 80 + i * 170 + (row % 2) * 85
            s.rect(x - 70, y - 70, 140, 90, "wine", rx=24)
            if (i + row) % 3:
                s.circle(x, y - 100, 40, ("hair1", "hair2", "ink")[(i + row) % 3])
                s.rect(x - 50, y - 70, 100, 50, "dusk", rx=20)
    dome(s, 1500, 0)
    return {"face": slot}


def flat_viewing(s: Svg) -> None:
    room(s, "paper", "wood", 700, skirting="wheat")
    s.rect(160, 150, 380, 340, "sky")
    skyline(s, 490, random.Random(23), "mist", "fog", 80, 220, x0=160, x1=540, cell=24)
    window_frame(s, 160, 150, 380, 340, frame="wheat")
    s.rect(140, 490, 420, 20, "wheat")
    s.line(800, 0, 800, 160, "ink", 4)
    s.circle(800, 180, 24, "glow")
    s.rect(1020, 180, 340, 520, "slate")
    s.rect(1040, 200, 300, 500, "wheat")
    s.poly([(1040, 200), (1160, 230), (1160, 690), (1040, 700)], "wood")
    s.circle(1140, 460, 8, "honey")
    person(s, 1260, 700, Look("skin1", "plum", "ink", "hair3", "short"), 1.0, pose="hold")
    s.circle(1260, 510, 12, "honey", stroke="steel", sw=4)
    person(s, 700, 860, Look("skin3", "sea", "slate", "hair1", "long"), 1.0)
    s.rect(730, 640, 60, 90, "rust", rx=10)
    s.rect(300, 820, 160, 30, "wheat", opacity=0.6)
    camera(s, 1370, 160, 0.6)


def interview(s: Svg) -> None:
    room(s, "fog", "wheat", 700)
    s.rect(160, 120, 500, 360, "sky")
    skyline(s, 480, random.Random(24), "mist", "aqua", 120, 300, x0=160, x1=660, cell=24)
    window_frame(s, 160, 120, 500, 360)
    s.rect(1000, 140, 400, 260, "paper", rx=8, stroke="slate", sw=6)
    for i, (h, colour) in enumerate(((120, "sea"), (170, "teal"), (90, "honey"), (200, "leaf"))):
        s.rect(1050 + i * 85, 370 - h, 56, h, colour, rx=4)
    dome(s, 1500, 0)
    person(s, 800, 750, Look("skin4", "slate", "ink", "hair1", "short"), 1.0, pose="hold")
    s.rect(770, 596, 60, 16, "paper")
    s.rect(400, 640, 800, 150, "wood")
    s.rect(380, 620, 840, 24, "wood2", rx=6)
    s.rect(480, 540, 200, 80, "ink", rx=6)
    s.rect(470, 612, 220, 12, "steel", rx=4)
    s.rect(900, 590, 160, 26, "paper", rx=3)
    s.rect(920, 580, 160, 12, "paper", rx=3)
    plant(s, 1350, 620, 1.0)
    look = Look("skin2", "rust", hair="hair2", style="pony")
    s.rect(560, 760, 300, 200, look.top, rx=90)
    head(s, 710, 700, look, r=70, back=True)


def passport(s: Svg) -> None:
    room(s, "aqua", "wheat", 660)
    s.rect(0, 0, W, 60, "teal")
    s.rect(600, 110, 400, 240, "paper", rx=12)
    s.circle(800, 230, 80, "honey")
    s.poly([(800, 170), (815, 215), (862, 215), (824, 243), (838, 288), (800, 260),
            (762, 288), (776, 243), (738, 215), (785, 215)], "paper")
    sign_panel(s, 120, 120, 360, 90, "sea", bars=1, icon="paper")
    sign_panel(s, 1120, 120, 360, 90, "sea", bars=1, icon="honey")
    person(s, 1060, 740, Look("skin1", "teal", "ink", "hair1", "bun"), 0.9)
    counter(s, 300, 640, 1000, fill="teal")
    glass(s, 320, 380, 960, 250)
    s.rect(420, 500, 100, 120, "slate", rx=8)
    s.circle(470, 535, 24, "ink")
    s.circle(470, 535, 11, "sea")
    s.circle(490, 515, 6, "red")
    s.rect(660, 560, 130, 170, "plum", rx=10)
    s.circle(725, 620, 30, "honey")
    s.rect(690, 680, 70, 10, "honey", rx=4)
    person(s, 260, 1000, Look("skin3", "coral", "slate", "hair1", "short"), 1.2, back=True)
    dome(s, 1500, 60)


def shop_inspection(s: Svg) -> None:
    """The print shop on the day of a random check: the regulator's inspector, tablet in
    hand, stands at the counter; a camera dome watches, as on every day."""
    shop(s)
    # the inspector: a dark uniform and a cap, her tablet glowing
    person(s, 880, 860, Look("skin3", "night", "ink", "hair1", "cap", hat="night"), 1.1,
           pose="hold")
    s.rect(848, 612, 64, 46, "ink", rx=6)
    s.rect(854, 617, 52, 36, "aqua", rx=3)
    s.rect(860, 624, 30, 6, "leaf", rx=2)
    s.rect(860, 636, 40, 5, "paper", rx=2)


SCENES = {
    "bank.svg": bank,
    "shop.svg": shop,
    "shop-inspection.svg": shop_inspection,
    "home-kitchen.svg": home_kitchen,
    "family.svg": family,
    "classroom.svg": classroom,
    "service-hall.svg": service_hall,
    "hotel.svg": hotel,
    "hospital.svg": hospital,
    "cinema.svg": cinema,
    "flat-viewing.svg": flat_viewing,
    "interview.svg": interview,
    "passport.svg": passport,
}
