"""Write every picture of story/images from code: deterministic, one palette, no text.

    python tools/draw_scenes.py            # rewrite story/images/*.svg and slots.json
    python tools/draw_scenes.py OUT_DIR    # write them somewhere else (to compare)

The pictures are the project's own work (see story/images/README.md for the licence).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenes_city  # noqa: E402
import scenes_desk  # noqa: E402
import scenes_faces  # noqa: E402
import scenes_phone  # noqa: E402
import scenes_rooms  # noqa: E402
from svgkit import Svg  # noqa: E402

IMAGES = Path(__file__).resolve().parent.parent / "story" / "images"
MODULES = (scenes_city, scenes_rooms, scenes_desk, scenes_phone, scenes_faces)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else IMAGES
    out.mkdir(parents=True, exist_ok=True)
    slots: dict[str, dict[str, list[float]]] = {}
    for module in MODULES:
        for name, draw in module.SCENES.items():
            w, h = getattr(module, "SIZES", {}).get(name, (1600, 900))
            svg = Svg(w, h)
            found = draw(svg)
            if found:  # a scene may return slots: {"face": (x, y, w, h)} in picture units
                slots[name] = {k: [round(v / d, 4) for v, d in zip(r, (w, h, w, h),
                                                                   strict=True)]
                               for k, r in found.items()}
            (out / name).write_text(str(svg), encoding="utf-8")
    (out / "slots.json").write_text(json.dumps(slots, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
