"""Outdoor scenes of the pilot city: streets, crossings, stations, the market and the park."""

from __future__ import annotations

import random

from motifs import (
    Look,
    building,
    camera,
    cloud,
    dome,
    head,
    person,
    pole_camera,
    sign_panel,
    skyline,
    tree,
)
from svgkit import Svg

W, H = 1600, 900


def city_day(s: Svg, seed: int, ground: float, sun: bool = True) -> random.Random:
    """Sky, sun, clouds and two rows of blocks down to `ground`."""
    rng = random.Random(seed)
    s.rect(0, 0, W, H, "sky")
    if sun:
        s.circle(1340, 150, 70, "apricot")
    cloud(s, 180, 120, 1.1)
    cloud(s, 900, 80, 0.8)
    skyline(s, ground, rng, "fog", "mist", ground * 0.45, ground * 0.85, cell=26)
    for x in range(-20, W, 180):
        fill = rng.choice(("wheat", "brick", "aqua", "sand"))
        building(s, x, ground, 170, rng.uniform(ground * 0.3, ground * 0.6), fill, "paper",
                 rng, cell=36)
    return rng


def traffic_light(s: Svg, x: float, ground: float, lit: str = "red") -> None:
    s.rect(x - 8, ground - 430, 16, 430, "slate", rx=6)
    s.rect(x - 34, ground - 470, 68, 170, "ink", rx=14)
    for i, colour in enumerate(("red", "honey", "leaf")):
        on = colour == lit
        s.circle(x, ground - 440 + i * 52, 20, colour if on else "slate")
        if on:
            s.circle(x, ground - 440 + i * 52, 30, colour, opacity=0.25)


def street_crossing(s: Svg) -> None:
    city_day(s, 11, 620)
    s.rect(0, 600, W, 60, "sand")
    s.rect(0, 660, W, 240, "slate")
    for i in range(9):
        s.rect(560 + i * 56, 676, 30, 210, "paper", rx=3)
    s.rect(0, 652, W, 8, "steel")
    traffic_light(s, 470, 640, "red")
    camera(s, 470, 380, 0.9)
    s.rect(1203, 200, 14, 440, "slate", rx=5)  # a grey pole with three cameras
    camera(s, 1210, 225, 1.0, flip=True)
    camera(s, 1210, 300, 1.0, tilt=18)
    camera(s, 1210, 375, 1.0, flip=True, tilt=24)
    person(s, 330, 640, Look("skin2", "rust", "ink", "hair1", "short"), 0.75)
    person(s, 250, 640, Look("skin1", "sea", "slate", "hair2", "long"), 0.7, pose="phone")
    person(s, 780, 800, Look("skin3", "honey", "teal", "hair1", "cap", hat="teal"), 0.8)
    person(s, 1350, 640, Look("skin4", "plum", "slate", "hair3", "bun"), 0.7)
    person(s, 1420, 640, Look("skin4", "coral", "slate", "hair1", "short"), 0.7, child=True,
           pose="wave")


def crossing_screen(s: Svg) -> dict[str, tuple[float, float, float, float]]:
    """A roadside screen of jaywalkers' faces; the big tile on the right is the player's."""
    city_day(s, 12, 700, sun=False)
    s.rect(240, 60, 1120, 560, "slate", rx=10)
    s.rect(268, 88, 1064, 504, "ink", rx=6)
    looks = (Look("skin2", "rust", hair="hair1"), Look("skin1", "sea", hair="hair2", style="long"),
             Look("skin3", "honey", hair="hair1", style="cap", hat="teal"),
             Look("skin4", "plum", hair="hair1", style="bun"),
             Look("skin1", "leaf", hair="hair3", style="short"),
             Look("skin2", "coral", hair="hair1", style="pony"))
    for i, look in enumerate(looks):
        x, y = 300 + (i % 3) * 200, 118 + (i // 3) * 236
        s.rect(x, y, 176, 176, "dusk", rx=8)
        s.rect(x + 34, y + 118, 108, 58, look.top, rx=24)
        head(s, x + 88, y + 78, look, r=40)
        for bx, by in ((x, y), (x + 176, y), (x, y + 176), (x + 176, y + 176)):
            s.line(bx, by, bx + (18 if bx == x else -18), by, "red", 5)
            s.line(bx, by, bx, by + (18 if by == y else -18), "red", 5)
        s.rect(x, y + 186, 120, 12, "red", rx=6)
        s.rect(x + 130, y + 186, 46, 12, "steel", rx=6)
    slot = (920, 118, 380, 380)
    s.rect(*slot, "mist", rx=10)
    s.rect(920, 512, 280, 22, "red", rx=11)
    s.rect(920, 548, 180, 16, "steel", rx=8)
    for bx, by, dx, dy in ((920, 118, 1, 1), (1300, 118, -1, 1), (920, 498, 1, -1),
                           (1300, 498, -1, -1)):
        s.line(bx - dx * 10, by - dy * 10, bx + dx * 40, by - dy * 10, "red", 8)
        s.line(bx - dx * 10, by - dy * 10, bx - dx * 10, by + dy * 40, "red", 8)
    s.rect(780, 620, 40, 80, "slate")
    camera(s, 1340, 60, 0.8)
    s.rect(0, 700, W, 200, "sand")
    s.rect(0, 780, W, 120, "slate")
    for i in range(9):
        s.rect(560 + i * 56, 800, 30, 100, "paper", rx=3)
    person(s, 360, 770, Look("skin1", "teal", "ink", "hair2", "pony"), 0.8, back=True)
    person(s, 1200, 775, Look("skin3", "rust", "ink", "hair1", "short"), 0.75, back=True)
    person(s, 1280, 770, Look("skin3", "honey", "teal", "hair1", "short"), 0.75, child=True,
           back=True)
    return {"face": slot}


def scooter(s: Svg) -> None:
    city_day(s, 13, 640)
    s.rect(0, 640, W, 260, "sand")
    s.rect(0, 780, W, 120, "slate")
    s.rect(0, 772, W, 8, "steel")
    pole_camera(s, 200, 700, 250, 1.0)
    # the scooter, side view, facing left
    s.line(640, 718, 700, 470, "slate", 20)
    s.path("M580,706 A64,64 0 0 1 700,690", stroke="rust", sw=16)
    s.rect(880, 560, 240, 14, "slate", rx=6)
    s.rect(930, 410, 190, 160, "honey", rx=16)
    s.rect(930, 440, 190, 20, "rust")
    s.circle(1025, 515, 30, "paper")
    s.path("M1010,515 L1022,527 L1042,503", stroke="leaf", sw=8)
    s.path("M700,470 C668,560 668,650 706,700 L770,700 C748,630 746,540 744,470 Z", "rust")
    s.rect(740, 650, 160, 46, "rust", rx=10)
    s.path("M870,700 L870,640 C890,580 1020,570 1070,620 C1090,650 1090,690 1066,708 Z",
           "rust")
    s.rect(880, 588, 170, 28, "ink", rx=14)
    s.circle(1010, 720, 62, "ink")
    s.circle(1010, 720, 26, "mist")
    s.circle(640, 720, 62, "ink")
    s.circle(640, 720, 26, "mist")
    s.circle(700, 500, 18, "glow")
    s.line(660, 462, 740, 450, "ink", 14)
    s.rect(1070, 640, 22, 14, "red", rx=4)
    person(s, 1300, 760, Look("skin2", "sea", "ink", "hair1", "helmet", hat="rust"), 0.95,
           pose="hold")
    s.rect(1262, 560, 76, 56, "wheat", rx=6)
    s.line(1262, 588, 1338, 588, "wood", 4)
    tree(s, 1510, 660, 0.9)


def metro(s: Svg) -> None:
    s.rect(0, 0, W, H, "fog")
    for y in range(60, 560, 50):
        for x in range(0 if (y // 50) % 2 else -40, W, 80):
            s.rect(x + 3, y + 3, 74, 44, "paper", rx=4)
    s.rect(0, 0, W, 60, "slate")
    for x in (300, 800, 1300):
        s.rect(x - 120, 60, 240, 14, "glow")
    dome(s, 560, 60)
    dome(s, 1100, 60)
    s.rect(120, 130, 560, 260, "paper", rx=16, stroke="slate", sw=6)
    s.path("M160,330 C260,330 280,200 400,200 L640,200", stroke="red", sw=14)
    s.path("M160,180 L300,180 C360,180 380,360 520,360 L640,360", stroke="sea", sw=14)
    s.path("M420,150 L420,370", stroke="honey", sw=14)
    for x, y in ((160, 330), (400, 200), (640, 200), (160, 180), (520, 360), (640, 360),
                 (420, 270), (300, 180)):
        s.circle(x, y, 14, "paper", stroke="ink", sw=5)
    sign_panel(s, 900, 140, 520, 90, "teal", bars=1, icon="honey")
    s.rect(820, 270, 660, 290, "sea", rx=30)
    for i in range(5):
        s.rect(860 + i * 122, 300, 90, 110, "aqua", rx=10)
    s.rect(820, 470, 660, 20, "honey")
    s.rect(0, 560, W, 340, "wheat")
    s.rect(0, 556, W, 10, "steel")
    for i in range(5):
        x = 130 + i * 290
        s.rect(x, 620, 90, 200, "steel", rx=10)
        s.rect(x + 10, 640, 70, 40, "ink", rx=6)
        s.circle(x + 45, 660, 12, "leaf" if i != 2 else "red")
        s.rect(x + 90, 690, 90, 26, "red" if i == 2 else "mist", rx=10)
    s.rect(1580 - 160, 620, 90, 200, "steel", rx=10)
    person(s, 640, 860, Look("skin2", "honey", "ink", "hair1", "short"), 0.75, pose="phone")
    person(s, 1040, 860, Look("skin1", "rust", "slate", "hair2", "pony"), 0.72)
    person(s, 380, 880, Look("skin4", "teal", "ink", "hair1", "cap", hat="honey"), 0.78)


def train_station(s: Svg) -> None:
    s.rect(0, 0, W, H, "cream")
    s.path("M0,330 C300,40 1300,40 1600,330 L1600,0 L0,0 Z", "slate")
    s.path("M60,330 C340,90 1260,90 1540,330 Z", "sky")
    for x in range(160, 1500, 140):
        s.line(x, 330, 800 + (x - 800) * 0.55, 95, "slate", 8)
    s.path("M60,330 C340,90 1260,90 1540,330", stroke="slate", sw=16)
    s.rect(0, 330, W, 300, "sand")
    s.rect(420, 360, 760, 230, "ink", rx=14)
    colours = ("honey", "aqua", "honey", "red", "honey", "aqua")
    for i, colour in enumerate(colours):
        y = 385 + i * 34
        s.rect(450, y, 60, 20, "sea", rx=4)
        s.rect(530, y, 320, 20, colour, rx=4)
        s.rect(880, y, 120, 20, "glow", rx=4)
        s.rect(1030, y, 120, 20, "leaf" if colour != "red" else "red", rx=4)
    dome(s, 300, 330)
    dome(s, 1300, 330)
    s.rect(0, 630, W, 270, "wheat")
    for x in (110, 260):
        s.rect(x, 430, 120, 260, "teal", rx=14)
        s.rect(x + 18, 460, 84, 70, "aqua", rx=6)
        s.rect(x + 40, 560, 40, 10, "ink", rx=4)
        s.circle(x + 60, 610, 16, "honey")
    person(s, 700, 860, Look("skin1", "coral", "ink", "hair2", "long"), 0.85)
    s.rect(760, 700, 80, 120, "plum", rx=12)
    s.line(800, 700, 800, 660, "ink", 6)
    person(s, 1100, 870, Look("skin3", "sea", "slate", "hair1", "short"), 0.9, pose="phone")
    s.rect(1180, 730, 70, 110, "rust", rx=12)
    person(s, 1380, 850, Look("skin2", "honey", "ink", "hair3", "bun"), 0.8)


def airport(s: Svg) -> None:
    s.rect(0, 0, W, H, "cream")
    s.rect(0, 40, W, 480, "sky")
    s.rect(0, 430, W, 90, "mist")
    s.path("M380,300 C380,270 420,255 460,255 L1120,255 C1180,255 1210,280 1220,300 "
           "C1210,320 1180,330 1120,330 L460,330 C420,330 380,320 380,300 Z", "paper")
    s.path("M420,260 L370,160 L420,160 L500,258 Z", "teal")
    s.poly([(430, 300), (370, 330), (420, 332), (500, 300)], "mist")
    for x in range(560, 1120, 40):
        s.circle(x, 285, 9, "sea")
    s.poly([(800, 306), (690, 420), (760, 420), (930, 306)], "mist", stroke="steel", sw=3)
    s.ellipse(790, 352, 50, 20, "steel")
    s.rect(470, 296, 700, 8, "teal", rx=4)
    s.path("M1180,275 C1195,280 1205,290 1210,298 L1170,298 Z", "ink")
    cloud(s, 140, 140, 0.9)
    cloud(s, 1300, 120, 0.7)
    for x in range(0, W + 1, 200):
        s.rect(x - 8, 40, 16, 480, "slate")
    s.rect(0, 20, W, 40, "slate")
    s.rect(0, 506, W, 14, "slate")
    s.rect(0, 520, W, 380, "wheat")
    for x in (260, 760, 1260):
        s.rect(x, 600, 320, 130, "teal", rx=12)
        s.rect(x + 20, 570, 110, 60, "ink", rx=6)
        s.rect(x + 30, 580, 90, 40, "aqua", rx=4)
        s.rect(x + 150, 640, 170, 40, "steel", rx=6)
    dome(s, 600, 60)
    dome(s, 1100, 60)
    for i, look in enumerate((Look("skin4", "honey", "ink", "hair1", "short"),
                              Look("skin1", "rust", "slate", "hair2", "pony"),
                              Look("skin2", "plum", "ink", "hair1", "cap", hat="sea"))):
        x = 420 + i * 420
        person(s, x, 880, look, 0.78)
        s.rect(x + 50, 760, 70, 110, ("coral", "sea", "honey")[i], rx=12)
        s.line(x + 85, 760, x + 85, 720, "ink", 6)


def court(s: Svg) -> None:
    city_day(s, 14, 700)
    s.rect(330, 230, 940, 60, "paper")
    s.poly([(300, 235), (800, 70), (1300, 235)], "paper")
    s.poly([(380, 215), (800, 105), (1220, 215)], "sand")
    s.circle(800, 170, 34, "honey")
    s.poly([(800, 146), (808, 164), (828, 166), (812, 178), (818, 198), (800, 186),
            (782, 198), (788, 178), (772, 166), (792, 164)], "paper")
    s.rect(360, 560, 880, 40, "paper")
    for i in range(7):
        x = 390 + i * 135
        s.rect(x, 300, 60, 260, "fog")
        s.rect(x - 8, 290, 76, 16, "paper")
        s.rect(x - 8, 548, 76, 16, "paper")
        s.rect(x + 14, 320, 8, 220, "mist")
    s.rect(745, 380, 110, 180, "slate", rx=50)
    for i in range(5):
        s.rect(300 - i * 30, 600 + i * 26, 1000 + i * 60, 26, "sand" if i % 2 else "paper")
    s.rect(0, 730, W, 170, "sage")
    camera(s, 1270, 250, 0.9)
    camera(s, 330, 250, 0.9, flip=True)
    person(s, 600, 760, Look("skin3", "slate", "ink", "hair1", "short"), 0.6)
    person(s, 1000, 700, Look("skin1", "teal", "ink", "hair2", "bun"), 0.55, pose="hold")
    s.rect(985, 585, 30, 24, "wine", rx=3)
    tree(s, 120, 760, 1.0)
    tree(s, 1480, 760, 1.1)


def market(s: Svg) -> None:
    rng = city_day(s, 15, 560)
    s.rect(0, 560, W, 340, "sand")
    s.path("M0,120 Q200,170 400,120 Q600,170 800,120 Q1000,170 1200,120 Q1400,170 1600,120",
           stroke="ink", sw=3)
    for i in range(9):
        x = 100 + i * 180
        s.circle(x, 150, 16, ("honey", "red", "coral")[i % 3])
    for i, (awn, awn2) in enumerate((("red", "paper"), ("teal", "paper"), ("honey", "paper"))):
        x = 80 + i * 500
        s.rect(x + 20, 400, 12, 330, "wood2")
        s.rect(x + 408, 400, 12, 330, "wood2")
        for j in range(8):
            s.rect(x + j * 55, 360, 55, 60, awn if j % 2 == 0 else awn2)
        for j in range(8):
            s.path(f"M{x + j * 55},420 a27.5,22 0 0 0 55,0 Z", awn if j % 2 == 0 else awn2)
        person(s, x + 220, 700, Look(("skin2", "skin4", "skin1")[i],
                                     ("sea", "rust", "plum")[i], "slate",
                                     ("hair1", "hair1", "hair3")[i],
                                     ("short", "bun", "cap")[i], hat="teal"), 0.65)
        s.rect(x, 610, 440, 150, "wood", rx=8)
        s.rect(x, 610, 440, 18, "wood2", rx=6)
        fruit = (("coral", "red"), ("honey", "apricot"), ("leaf", "sage"))[i]
        for k in range(14):
            s.circle(x + 30 + k * 29, 600 - (k % 2) * 16, 20, fruit[k % 2])
    pole_camera(s, 1540, 780, 260, 1.0, flip=True)
    person(s, 380, 890, Look("skin1", "honey", "ink", "hair2", "long"), 0.7)
    person(s, 1180, 895, Look("skin3", "teal", "slate", "hair1", "short"), 0.72, pose="phone")
    del rng


def park(s: Svg) -> None:
    s.rect(0, 0, W, H, "sky")
    s.circle(250, 150, 70, "apricot")
    cloud(s, 700, 110, 1.0)
    skyline(s, 470, random.Random(16), "fog", "mist", 120, 300, cell=26)
    s.rect(0, 460, W, 440, "sage")
    s.path("M520,900 C620,700 900,560 1600,520 L1600,600 C1000,640 800,760 820,900 Z", "sand")
    tree(s, 160, 560, 1.3)
    tree(s, 1400, 500, 1.0)
    tree(s, 1040, 470, 0.8, leaf="moss")
    for x, look, flip in ((400, Look("skin2", "honey", "slate", "hair1", "cap", hat="leaf"), 0),
                          (760, Look("skin4", "honey", "ink", "hair1", "bun"), 1),
                          (1180, Look("skin1", "honey", "slate", "hair2", "pony"), 0)):
        side = -1 if flip else 1
        person(s, x, 800, look, 0.75)
        s.rect(x - 36 * side - 24, 695, 48, 66, "moss", rx=12)
        s.line(x - 36 * side, 680, x - 36 * side, 698, "moss", 6)
        s.line(x + 37 * side, 695, x + 90 * side, 800, "slate", 6)
        s.line(x + 84 * side, 800, x + 100 * side, 790, "slate", 6)
        s.rect(x - 30, 655, 60, 10, "paper", opacity=0.8)  # the volunteer vest stripe
    for x, y, colour in ((600, 820, "paper"), (980, 840, "coral"), (300, 850, "sea"),
                         (1300, 760, "paper"), (150, 700, "honey")):
        s.rect(x, y, 30, 18, colour, rx=4)
    s.rect(1480, 380, 14, 420, "slate")
    s.circle(1487, 370, 24, "glow")
    camera(s, 1487, 440, 0.8, flip=True)


def bike(s: Svg, x: float, y: float, frame: str) -> None:
    """A rental bike, side view, its wheels touching y."""
    for wx in (x, x + 190):
        s.circle(wx, y - 62, 60, None, stroke="ink", sw=10)
        s.circle(wx, y - 62, 8, "ink")
    s.path(f"M{x},{y - 62} L{x + 70},{y - 150} L{x + 150},{y - 150} L{x + 190},{y - 62} "
           f"M{x + 70},{y - 150} L{x + 95},{y - 62} L{x + 150},{y - 150}",
           stroke=frame, sw=12)
    s.line(x + 60, y - 170, x + 90, y - 170, "ink", 12)
    s.line(x + 150, y - 150, x + 160, y - 200, frame, 10)
    s.line(x + 145, y - 200, x + 185, y - 200, "ink", 10)
    s.rect(x + 175, y - 205, 60, 40, "honey", rx=6)


def bikes(s: Svg) -> None:
    city_day(s, 17, 560)
    s.rect(0, 560, W, 340, "sand")
    s.rect(0, 800, W, 100, "slate")
    for i in range(6):
        x = 110 + i * 240
        s.rect(x + 200, 600, 26, 170, "steel", rx=8)
        s.rect(x + 196, 610, 34, 40, "ink", rx=6)
        s.circle(x + 213, 630, 9, "red" if i == 3 else "leaf")
        if i != 4:
            bike(s, x, 780, "teal")
    pole_camera(s, 1520, 800, 280, 1.0, flip=True)
    person(s, 1050, 860, Look("skin2", "coral", "slate", "hair1", "short"), 0.75, pose="phone")


def night_city(s: Svg) -> None:
    rng = random.Random(18)
    s.rect(0, 0, W, H, "night")
    for _ in range(40):
        s.circle(rng.uniform(0, W), rng.uniform(0, 300), rng.uniform(1.5, 3.5), "paper",
                 opacity=0.7)
    s.circle(1300, 140, 60, "glow")
    s.circle(1325, 125, 56, "night")
    skyline(s, 800, rng, "dusk", "slate", 350, 650, lit="glow", cell=30)
    for x in range(-20, W, 200):
        building(s, x, 800, 190, rng.uniform(200, 380), "ink", "dusk", rng, lit="glow",
                 cell=36)
    s.rect(0, 800, W, 100, "ink")
    for x in (250, 1050):
        s.rect(x - 6, 520, 12, 300, "slate")
        s.circle(x, 515, 120, "glow", opacity=0.12)
        s.circle(x, 515, 16, "glow")
    s.rect(1392, 470, 16, 350, "steel", rx=6)
    camera(s, 1400, 480, 1.1, flip=True)
    s.circle(1400 - 60, 510, 16, "red", opacity=0.35)


def shop_shutter(s: Svg) -> None:
    """The print shop from the street at dusk: the shutter coming down for the last time,
    the court's paper seals already crossed over it, Auntie Liu with a box of her things."""
    rng = random.Random(23)
    s.rect(0, 0, W, H, "dusk")
    s.circle(300, 150, 54, "glow", opacity=0.9)
    skyline(s, 700, rng, "night", "slate", 260, 520, lit="glow", cell=30)
    s.rect(0, 700, W, 200, "slate")
    s.rect(0, 690, W, 14, "steel")
    # the shop between two neighbours, its awning and the empty sign board
    for x, fill in ((0, "brick"), (1180, "wheat")):
        s.rect(x, 240, 420, 460, fill)
        for r in range(3):
            for col in range(3):
                s.rect(x + 50 + col * 120, 290 + r * 120, 70, 80, "glow" if (r + col) % 3 == 0
                       else "dusk", rx=4)
    s.rect(420, 200, 760, 500, "sand")
    s.rect(440, 230, 720, 90, "teal", rx=8)
    s.rect(480, 255, 300, 40, "paper", rx=6, opacity=0.35)  # where the name was
    # the shutter: slats from the top down to a hand's height above the pavement
    s.rect(470, 340, 660, 360, "glow", opacity=0.8)  # the lit shop behind it
    bottom = 610
    s.rect(470, 340, 660, bottom - 340, "steel")
    for y in range(350, bottom, 22):
        s.line(470, y, 1130, y, "mist", 4)
    s.rect(462, bottom - 8, 676, 18, "slate", rx=6)  # the bottom bar
    # the court's seals: two paper strips crossed, a red stamp where they meet
    for a, b in (((520, 380), (1080, 580)), ((1080, 380), (520, 580))):
        s.line(a[0], a[1], b[0], b[1], "paper", 34)
    s.circle(800, 480, 34, "red", opacity=0.85)
    s.circle(800, 480, 22, "paper", opacity=0.5)
    # the owner pulls the bar down; Auntie Liu waits with a box of her things
    person(s, 900, 850, Look("skin2", "teal", "ink", "hair1", "short"), 0.95, pose="wave")
    person(s, 1300, 860, Look("skin1", "plum", "ink", "hair3", "bun"), 0.9, pose="hold")
    s.rect(1250, 650, 100, 70, "wood", rx=6)
    s.rect(1262, 638, 76, 16, "aqua", rx=3)
    pole_camera(s, 160, 880, 330, 1.0)


def school_gate(s: Svg) -> None:
    rng = city_day(s, 19, 600, sun=True)
    building(s, 300, 600, 1000, 360, "brick", "paper", rng, cell=44)
    s.rect(280, 230, 1040, 24, "wine")
    s.rect(720, 160, 160, 90, "paper", rx=8)
    s.circle(800, 205, 30, "honey")
    s.rect(0, 600, W, 300, "sand")
    for x in (180, 1360):
        s.rect(x, 380, 70, 300, "wine")
        s.rect(x - 10, 370, 90, 24, "slate")
    for x in range(270, 1340, 40):
        if not 700 < x < 900:  # the gate stands open
            s.line(x, 430, x, 680, "slate", 8)
    for y in (440, 640):
        s.line(250, y, 700, y, "slate", 10)
        s.line(900, y, 1360, y, "slate", 10)
    s.rect(890, 470, 70, 150, "ink", rx=10)
    s.rect(900, 482, 50, 60, "aqua", rx=6)
    s.circle(925, 580, 10, "leaf")
    camera(s, 1395, 380, 0.9, flip=True)
    for x, look in ((520, Look("skin1", "sea", "slate", "hair2", "pony")),
                    (820, Look("skin3", "rust", "ink", "hair1", "short")),
                    (1050, Look("skin2", "honey", "slate", "hair1", "bun"))):
        s.rect(x - 40, 735, 80, 80, ("coral", "honey", "teal")[(x // 10) % 3], rx=18)
        person(s, x, 860, look, 0.8, child=True, pose="down")
        s.line(x - 16, 720, x - 16, 780, "ink", 6)
        s.line(x + 16, 720, x + 16, 780, "ink", 6)
    person(s, 1250, 880, Look("skin4", "leaf", "ink", "hair1", "short"), 0.8, pose="wave")


SCENES = {
    "shop-shutter.svg": shop_shutter,
    "street-crossing.svg": street_crossing,
    "crossing-screen.svg": crossing_screen,
    "scooter.svg": scooter,
    "metro.svg": metro,
    "train-station.svg": train_station,
    "airport.svg": airport,
    "court.svg": court,
    "market.svg": market,
    "park.svg": park,
    "bikes.svg": bikes,
    "night-city.svg": night_city,
    "school-gate.svg": school_gate,
}
