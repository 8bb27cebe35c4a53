"""The city app's screens, portrait and without a phone frame (the UI draws the frame)."""

from __future__ import annotations

import math

from motifs import Look, head
from svgkit import Svg

W, H = 900, 1600


def chrome(s: Svg, bg: str = "cream", header: str = "teal") -> None:
    """Status bar, the app's header with the city's eye logo, and the bottom bar."""
    s.rect(0, 0, W, H, bg)
    s.rect(0, 0, W, 60, "ink")
    s.rect(40, 22, 90, 16, "paper", rx=8)
    for i in range(4):
        s.rect(700 + i * 22, 42 - i * 8, 14, 8 + i * 8, "paper", rx=2)
    s.rect(800, 20, 60, 24, None, rx=6, stroke="paper", sw=4)
    s.rect(806, 26, 36, 12, "paper", rx=3)
    s.rect(0, 60, W, 200, header)
    eye(s, 120, 160, 50)
    s.rect(210, 120, 380, 34, "paper", rx=17)
    s.rect(210, 176, 240, 22, "aqua", rx=11)
    s.rect(0, H - 170, W, 170, "paper")
    s.rect(0, H - 172, W, 4, "mist")
    for i, colour in enumerate(("teal", "steel", "steel", "steel")):
        x = 140 + i * 207
        s.rect(x - 34, H - 120, 68, 56, colour, rx=14)
        s.rect(x - 24, H - 48, 48, 10, colour, rx=5)


def eye(s: Svg, x: float, y: float, r: float) -> None:
    """The app's logo: an eye, the city watching (kindly, it says)."""
    s.path(f"M{x - r:.1f},{y:.1f} Q{x:.1f},{y - r * 1.1:.1f} {x + r:.1f},{y:.1f} "
           f"Q{x:.1f},{y + r * 1.1:.1f} {x - r:.1f},{y:.1f} Z", "paper")
    s.circle(x, y, r * 0.42, "honey")
    s.circle(x, y, r * 0.2, "ink")


def card(s: Svg, y: float, h: float, icon: str, bars: int = 2, fill: str = "paper") -> None:
    s.rect(50, y, W - 100, h, fill, rx=28, stroke="mist", sw=4)
    s.circle(130, y + h / 2, 40, icon)
    for i in range(bars):
        s.rect(200, y + h / 2 - 30 + i * 40, 440 if i == 0 else 300, 22,
               "slate" if i == 0 else "mist", rx=11)


def phone_app(s: Svg) -> None:
    chrome(s)
    s.rect(50, 300, W - 100, 360, "teal", rx=36)
    look = Look("skin2", "sea", hair="hair1", style="short")
    s.circle(200, 430, 90, "aqua")
    head(s, 200, 430, look, r=62)
    s.rect(330, 370, 300, 34, "paper", rx=17)
    s.rect(330, 430, 200, 24, "aqua", rx=12)
    s.path("M740,360 L800,384 L800,440 C800,480 770,505 740,520 C710,505 680,480 680,440 "
           "L680,384 Z", "honey")
    s.path("M715,440 L735,462 L770,420", stroke="paper", sw=10)
    for i in range(5):
        s.rect(100 + i * 140, 560, 110, 60, ("leaf", "leaf", "honey", "honey", "mist")[i],
               rx=12)
    for i, icon in enumerate(("sea", "honey", "coral", "sage")):
        card(s, 700 + i * 180, 150, icon)


def phone_refused(s: Svg) -> None:
    chrome(s)
    s.rect(50, 300, W - 100, 400, "paper", rx=36, stroke="mist", sw=4)
    s.rect(120, 360, 240, 150, "sea", rx=40)
    s.rect(150, 390, 60, 50, "aqua", rx=8)
    s.rect(260, 390, 70, 50, "aqua", rx=8)
    s.circle(170, 530, 18, "slate")
    s.circle(310, 530, 18, "slate")
    s.rect(400, 370, 380, 30, "slate", rx=15)
    s.rect(400, 430, 260, 22, "mist", rx=11)
    s.rect(400, 480, 320, 22, "mist", rx=11)
    s.line(120, 600, 780, 600, "mist", 4)
    s.rect(120, 620, 660, 40, "mist", rx=20)
    s.rect(0, 760, W, 380, "red")
    s.circle(450, 890, 90, "paper")
    s.line(410, 850, 490, 930, "red", 26)
    s.line(490, 850, 410, 930, "red", 26)
    s.rect(180, 1020, 540, 36, "paper", rx=18)
    s.rect(260, 1080, 380, 24, "rose", rx=12)
    s.rect(120, 1200, 660, 120, "mist", rx=60)
    s.rect(300, 1245, 300, 30, "steel", rx=15)


def phone_score(s: Svg) -> None:
    chrome(s)
    cx, cy, r = 450, 780, 300
    bands = (("wine", 0.0, 0.2), ("coral", 0.2, 0.4), ("honey", 0.4, 0.6),
             ("sage", 0.6, 0.8), ("leaf", 0.8, 1.0))
    for colour, a, b in bands:
        p0 = (cx - r * math.cos(math.pi * a), cy - r * math.sin(math.pi * a))
        p1 = (cx - r * math.cos(math.pi * (b - 0.01)), cy - r * math.sin(math.pi * (b - 0.01)))
        s.path(f"M{p0[0]:.1f},{p0[1]:.1f} A{r},{r} 0 0 1 {p1[0]:.1f},{p1[1]:.1f}",
               stroke=colour, sw=70)
    ang = math.pi * 0.56
    s.line(cx, cy, cx - 230 * math.cos(ang), cy - 230 * math.sin(ang), "ink", 18)
    s.circle(cx, cy, 34, "ink")
    s.circle(cx, cy, 12, "honey")
    s.rect(250, 860, 400, 110, "teal", rx=55)
    s.rect(300, 895, 300, 40, "paper", rx=20)
    s.rect(80, 1030, W - 160, 330, "paper", rx=28, stroke="mist", sw=4)
    s.path("M130,1290 L230,1250 L330,1270 L430,1180 L530,1210 L630,1120 L770,1150",
           stroke="teal", sw=12)
    for x, y in ((230, 1250), (430, 1180), (630, 1120)):
        s.circle(x, y, 14, "honey")
    s.rect(130, 1070, 300, 24, "slate", rx=12)


def handset(s: Svg, x: float, y: float, scale: float, angle: float) -> None:
    with s.group(f"translate({x},{y}) rotate({angle}) scale({scale})"):
        s.path("M-50,10 C-50,-25 50,-25 50,10 L38,26 L18,12 L18,0 C6,-4 -6,-4 -18,0 "
               "L-18,12 L-38,26 Z", "paper")


def phone_call(s: Svg) -> None:
    s.rect(0, 0, W, H, "dusk")
    s.rect(0, 0, W, 60, "ink")
    s.rect(40, 22, 90, 16, "paper", rx=8)
    for r, op in ((300, 0.06), (240, 0.1), (180, 0.16)):
        s.circle(450, 520, r, "aqua", opacity=op)
    s.circle(450, 520, 150, "sea")
    look = Look("skin1", "slate", hair="hair2", style="bun")
    s.path("M330,640 C330,560 570,560 570,640 Z", look.top)
    head(s, 450, 500, look, r=74)
    s.rect(230, 760, 440, 44, "paper", rx=22)
    s.rect(300, 830, 300, 28, "aqua", rx=14)
    eye(s, 450, 940, 40)
    s.circle(230, 1330, 90, "red")
    handset(s, 230, 1335, 1.2, 0)  # hang up: the handset laid down
    s.circle(670, 1330, 90, "leaf")
    handset(s, 670, 1330, 1.2, -40)  # answer: the handset lifted
    s.rect(170, 1450, 120, 20, "mist", rx=10)
    s.rect(610, 1450, 120, 20, "mist", rx=10)


SIZES = {name: (W, H) for name in ("phone-app.svg", "phone-refused.svg", "phone-score.svg",
                                   "phone-call.svg")}
SCENES = {
    "phone-app.svg": phone_app,
    "phone-refused.svg": phone_refused,
    "phone-score.svg": phone_score,
    "phone-call.svg": phone_call,
}
