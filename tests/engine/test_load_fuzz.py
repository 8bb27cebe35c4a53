"""Hypothesis on the loader: mutated stories only ever give story problems."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.check import warnings
from game.engine.load import load_with_problems

MINI = Path(__file__).parent.parent / "fixtures" / "mini"
FILES = sorted(p.relative_to(MINI).as_posix() for p in MINI.rglob("*.yaml"))
NASTY = ["", ":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!python/object:os.system ",
         "\t", "'", '"', "#", "\n", "  ", "on", "yes", "~", "1e9", "-1", "{x}", "{{", "%",
         "if: \"(\"", "goto: x", "\xff", "\u00e9", "<script>"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.data())
def test_mutations_never_raise_anything_but_problems(tmp_path_factory, rel: str,
                                                     data: st.DataObject) -> None:
    folder = tmp_path_factory.mktemp("fuzz") / "story"
    shutil.copytree(MINI, folder)
    path = folder / rel
    raw = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw)))
        kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = data.draw(st.sampled_from(NASTY)).encode("utf-8", "surrogatepass") \
            if data.draw(st.booleans()) else bytes([data.draw(st.integers(0, 255))])
        if kind == "insert":
            raw[at:at] = piece
        elif kind == "delete":
            del raw[at:at + data.draw(st.integers(1, 20))]
        else:
            raw[at:at + len(piece)] = piece
    path.write_bytes(bytes(raw))
    story, problems = load_with_problems(folder)  # must not raise
    for p in problems:
        assert p.line >= 1 and str(p).startswith(str(folder))
    if story is not None:
        warnings(story)
    else:
        assert any(p.level == "error" for p in problems)
