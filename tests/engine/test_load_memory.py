"""Loading leaves nothing behind but the story.

Loading runs with the cyclic collector off and then freezes what it made (see
`game.engine.load`), so anything caught in a reference cycle during loading would
stay in memory for the life of the process: a kiosk runs all day.
"""

from __future__ import annotations

import gc

from game.engine.load import load_with_problems
from game.engine.yamlread import YMap
from game.paths import bundled_story


def test_no_file_data_or_cycles_outlive_loading() -> None:
    was = gc.isenabled()
    gc.disable()  # so loading does not freeze, and the collector can count for us
    try:
        gc.collect()
        story, problems = load_with_problems(bundled_story())
        assert story is not None, problems[:3]
        # The YAML data (mappings that remember their lines) is freed file by file ...
        assert not any(type(o) is YMap for o in gc.get_objects())
        # ... and nothing made while loading is garbage only the collector could find.
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
