"""Synthesise the game's sounds as small WAV files in assets/sounds/ (deterministic).

    python tools/make_sounds.py            # rewrite assets/sounds/*.wav
    python tools/make_sounds.py OUT_DIR    # write them somewhere else (to compare)

Made by the project from sine waves and seeded noise with the standard library
(wave, array, math, random): nothing is recorded or downloaded. 22,050 Hz, mono, 16 bit.
"""

from __future__ import annotations

import math
import random
import sys
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def samples(seconds: float, f: Callable[[float], float]) -> list[float]:
    return [f(i / RATE) for i in range(int(seconds * RATE))]


def lowpass(xs: list[float], k: float) -> list[float]:
    """A one-pole low-pass filter; k near 0 keeps only the low rumble."""
    out, y = [], 0.0
    for x in xs:
        y += k * (x - y)
        out.append(y)
    return out


def env(t: float, attack: float, decay: float) -> float:
    """A quick rise then an exponential fall."""
    return min(1.0, t / attack) * math.exp(-t / decay) if attack else math.exp(-t / decay)


def shutter(rng: random.Random) -> list[float]:
    """Two soft mechanical clicks: the blade opening and closing."""
    noise = lowpass([rng.uniform(-1, 1) for _ in range(int(0.2 * RATE))], 0.35)

    def f(t: float) -> float:
        click = sum(env(t - t0, 0.0008, 0.012) for t0 in (0.0, 0.075) if t >= t0)
        thump = 0.4 * math.sin(2 * math.pi * 180 * t) * env(t, 0.001, 0.02)
        return 0.9 * noise[int(t * RATE)] * click + thump
    return samples(0.2, f)


def chime(rng: random.Random) -> list[float]:
    """A gentle two-note chime: a notice has arrived."""
    def note(t: float, freq: float) -> float:
        return (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
                ) * env(t, 0.005, 0.35)

    def f(t: float) -> float:
        second = note(t - 0.16, 1174.7) if t >= 0.16 else 0.0
        return 0.3 * note(t, 880.0) + 0.3 * second
    return samples(1.0, f)


def buzz(rng: random.Random) -> list[float]:
    """A low, short double buzz: a door did not open."""
    def f(t: float) -> float:
        on = (t % 0.2) < 0.14
        gate = env(t % 0.2, 0.01, 0.2) if on else 0.0
        saw = ((t * 140) % 1.0) * 2 - 1
        return 0.32 * math.tanh(3 * saw) * gate
    return lowpass(samples(0.4, f), 0.25)


def stamp(rng: random.Random) -> list[float]:
    """A rubber stamp on paper: a thud with a papery slap."""
    noise = lowpass([rng.uniform(-1, 1) for _ in range(int(0.3 * RATE))], 0.5)

    def f(t: float) -> float:
        freq = 70 + 90 * math.exp(-t / 0.03)
        thud = math.sin(2 * math.pi * freq * t) * env(t, 0.002, 0.07)
        return 0.7 * thud + 0.35 * noise[int(t * RATE)] * env(t, 0.001, 0.02)
    return samples(0.3, f)


def city_bed(rng: random.Random) -> list[float]:
    """A quiet city far away: traffic rumble that swells and fades, and a few birds.

    It loops: the last half second fades into the first, so the seam does not click.
    """
    seconds = 6.0
    n = int(seconds * RATE)
    rumble = lowpass(lowpass([rng.uniform(-1, 1) for _ in range(n)], 0.02), 0.05)
    peak = max(abs(x) for x in rumble) or 1.0
    hiss = lowpass(lowpass([rng.uniform(-1, 1) for _ in range(n)], 0.15), 0.3)  # far tyres
    birds = [(rng.uniform(0.5, 5.0), rng.uniform(2600, 3400)) for _ in range(4)]

    def f(t: float) -> float:
        swell = 0.75 + 0.25 * math.sin(2 * math.pi * t / seconds)
        i = int(t * RATE)
        out = 0.5 * swell * rumble[i] / peak + 0.12 * (1.2 - swell) * hiss[i]
        for t0, freq in birds:
            if 0 <= t - t0 < 0.12:
                u = t - t0
                out += 0.04 * math.sin(2 * math.pi * (freq + 1500 * u) * u) * math.sin(
                    math.pi * u / 0.12)
        return out
    xs = samples(seconds, f)
    fade = int(0.5 * RATE)
    for i in range(fade):  # cross-fade the tail into the head
        a = i / fade
        xs[i] = xs[i] * a + xs[n - fade + i] * (1 - a)
    return [0.35 * x for x in xs[: n - fade]]


SOUNDS: dict[str, Callable[[random.Random], list[float]]] = {
    "shutter": shutter, "chime": chime, "buzz": buzz, "stamp": stamp, "city-bed": city_bed,
}


def write(path: Path, xs: list[float]) -> None:
    data = array("h", (max(-32767, min(32767, round(x * 32767))) for x in xs))
    if sys.byteorder != "little":
        data.byteswap()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


def fade_out(xs: list[float], seconds: float = 0.02) -> list[float]:
    """Bring the last few milliseconds to zero so a sound never ends on a click."""
    n = min(len(xs), int(seconds * RATE))
    return xs[:-n] + [x * (n - 1 - i) / n for i, x in enumerate(xs[-n:])]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        xs = make(random.Random(name))
        write(out / f"{name}.wav", xs if name == "city-bed" else fade_out(xs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
