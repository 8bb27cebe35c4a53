"""Sound: the synthesised files, playing through a real (disk) audio driver, silence when
muted or without a device, and the volume and mute settings (screen, file, kiosk config)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap
import wave
from array import array
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.ui import storage
from game.ui.kiosk.config import KioskConfigError, hash_pin, load_kiosk_config
from game.ui.sound import BED, NAMES, sounds_dir

ROOT = Path(__file__).resolve().parents[2]


def frames(name: str) -> tuple[wave.Wave_read, list[float]]:
    with wave.open(str(sounds_dir() / f"{name}.wav")) as w:
        data = array("h", w.readframes(w.getnframes()))
        return w, [x / 32767 for x in data]


def rms(xs: list[float]) -> float:
    return math.sqrt(sum(x * x for x in xs) / len(xs))


@pytest.mark.parametrize("name", [*NAMES, BED])
def test_each_sound_is_a_small_audible_mono_wav(name: str) -> None:
    w, xs = frames(name)
    assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
    assert 0.1 <= len(xs) / 22050 <= (8 if name == BED else 1.5)
    assert max(abs(x) for x in xs) > 0.1  # not silent
    assert max(abs(x) for x in xs) < 0.95  # not clipped


def test_the_city_bed_is_soft_and_loops_without_a_click() -> None:
    _, bed = frames(BED)
    assert rms(bed) < 0.5 * min(rms(frames(n)[1]) for n in NAMES)
    assert abs(bed[-1] - bed[0]) < 0.02
    for name in NAMES:  # the effects end at silence too
        assert abs(frames(name)[1][-1]) < 0.01


def play_through_disk(tmp_path: Path, body: str) -> array:
    """Run `body` in a fresh interpreter whose audio goes to a file; return its samples."""
    out = tmp_path / "audio.raw"
    env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(out),
               SDL_VIDEODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    script = "import time\nfrom game.ui.sound import Sounds\n" + textwrap.dedent(body)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, timeout=60,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    samples = array("h", out.read_bytes()[: len(out.read_bytes()) // 2 * 2])
    return samples


def test_a_played_sound_reaches_the_audio_device(tmp_path: Path) -> None:
    loud = play_through_disk(tmp_path, """
        s = Sounds(volume=1.0)
        s.play("chime"); time.sleep(0.5); s.close()
    """)
    assert len(loud) > 1000 and max(abs(x) for x in loud) > 3000


def test_volume_scales_what_is_heard(tmp_path: Path) -> None:
    loud = play_through_disk(tmp_path, """
        s = Sounds(volume=1.0)
        s.play("stamp"); time.sleep(0.5); s.close()
    """)
    quiet = play_through_disk(tmp_path, """
        s = Sounds(volume=0.2)
        s.play("stamp"); time.sleep(0.5); s.close()
    """)
    assert 0 < max(abs(x) for x in quiet) < 0.4 * max(abs(x) for x in loud)


@pytest.mark.parametrize("setup", ["Sounds(muted=True)", "Sounds(volume=0)",
                                   "Sounds(volume=1.0); s.set_muted(True)"])
def test_muted_or_at_zero_writes_only_silence(tmp_path: Path, setup: str) -> None:
    silent = play_through_disk(tmp_path, f"""
        s = {setup}
        s.start()
        s.play("chime"); s.play("buzz"); s.bed(True); time.sleep(0.5); s.close()
    """)
    assert len(silent) > 1000, "the device was open and written to"
    assert max(abs(x) for x in silent) == 0


def test_muting_stops_the_bed_at_once(tmp_path: Path) -> None:
    samples = play_through_disk(tmp_path, """
        s = Sounds(volume=1.0)
        s.bed(True); time.sleep(1.2)
        s.set_muted(True); time.sleep(0.6); s.close()
    """)
    assert max(abs(x) for x in samples[: len(samples) // 3]) > 300
    assert max(abs(x) for x in samples[-2000:]) == 0


def test_unmuting_starts_the_bed_that_was_asked_for_while_muted(tmp_path: Path) -> None:
    samples = play_through_disk(tmp_path, """
        s = Sounds(volume=1.0, muted=True)
        s.bed(True); time.sleep(0.3)
        s.set_muted(False); time.sleep(1.5); s.close()
    """)
    assert max(abs(x) for x in samples[-8000:]) > 300


def run_quietly(body: str, **env: str) -> str:
    full = dict(os.environ, SDL_VIDEODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1", **env)
    script = "import pygame\nfrom game.ui.sound import Sounds\n" + textwrap.dedent(body)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=full, timeout=60,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_no_audio_device_means_silence_not_a_crash() -> None:
    out = run_quietly("""
        s = Sounds()
        s.play("shutter"); s.bed(True); s.set_volume(0.3); s.set_muted(True); s.bed(False)
        print(s.start(), s.available, pygame.mixer.get_init())
        s.close()
    """, SDL_AUDIODRIVER="no-such-driver")
    assert out == "False False None"


def test_disabled_sound_never_opens_the_mixer_and_missing_files_are_silent(tmp_path) -> None:
    out = run_quietly(f"""
        s = Sounds(enabled=False)
        s.play("chime"); s.bed(True)
        print(pygame.mixer.get_init() is None)
        m = Sounds(folder=__import__("pathlib").Path({str(tmp_path)!r}))
        m.play("chime"); m.bed(True)
        print(m.available)
    """, SDL_AUDIODRIVER="dummy")
    assert out.split() == ["True", "False"]


# -- settings --------------------------------------------------------------------------

def test_volume_and_mute_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    storage.save_settings(storage.Settings(volume=0.2, muted=True), path)
    loaded, message = storage.load_settings(path)
    assert (loaded.volume, loaded.muted, message) == (0.2, True, None)


@pytest.mark.parametrize("bad", [{"volume": 1.5}, {"volume": "loud"}, {"muted": "yes"},
                                 {"volume": True}])
def test_a_hand_edited_sound_setting_is_set_aside(tmp_path: Path, bad: dict) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": storage.SETTINGS_VERSION, **bad}))
    loaded, message = storage.load_settings(path)
    assert (loaded.volume, loaded.muted) == (0.6, False) and message


def settings_file(home: Path) -> dict:
    return json.loads((home / "settings.json").read_text())


def open_settings(pilot) -> None:  # noqa: ANN001
    from game.ui.screens.settings import SettingsScreen

    pilot.app.push(SettingsScreen(pilot.app))
    pilot.settle()
    assert pilot.screen.name == "settings"


def test_sound_and_volume_on_the_settings_screen_by_mouse_and_keys(launch, home) -> None:
    p = launch()
    p.click("settings")  # from the title screen, as a player would
    p.click("sound")
    assert p.app.settings.muted and settings_file(home)["muted"] is True
    assert "Sound: Off" in p.screen.find("sound").text
    p.click("volume")  # 60 % -> 80 %, and a volume change unmutes
    assert p.app.settings.volume == 0.8 and not p.app.settings.muted
    assert settings_file(home)["volume"] == 0.8
    p.key(pygame.K_RIGHTBRACKET, "]")
    p.key(pygame.K_RIGHTBRACKET, "]")  # stops at the loudest
    assert p.app.settings.volume == 1.0
    for _ in range(7):
        p.key(pygame.K_LEFTBRACKET, "[")
    assert p.app.settings.volume == 0.0 and settings_file(home)["volume"] == 0.0
    p.key(pygame.K_m, "m")
    assert p.app.settings.muted and "Volume: 0 %" in p.screen.find("volume").text


def test_the_settings_screen_updates_the_playing_sounds(launch, home) -> None:
    from game.ui.sound import Sounds

    p = launch()
    p.app.sounds = Sounds(enabled=False)  # the app's own, when it has one; silent here
    open_settings(p)
    p.click("sound")
    assert p.app.sounds.muted
    p.click("volume")
    assert p.app.sounds.volume == pytest.approx(0.8) and not p.app.sounds.muted


@pytest.mark.parametrize(("enabled", "shown"), [(False, False), (True, True)])
def test_a_kiosk_shows_sound_controls_only_when_the_museum_turned_sound_on(
        launch, fast_kiosk, tmp_path, enabled: bool, shown: bool) -> None:
    cfg = replace(fast_kiosk(tmp_path), sound_enabled=enabled)
    p = launch(kiosk=True, kiosk_cfg=cfg)
    open_settings(p)
    assert (p.screen.find("sound") is not None) is shown
    assert (p.screen.find("volume") is not None) is shown


# -- kiosk config -----------------------------------------------------------------------

def kiosk_file(tmp_path: Path, extra: str) -> Path:
    f = tmp_path / "kiosk.yaml"
    f.write_text(f"pin_hash: {hash_pin('2468', iterations=1000)}\n{extra}\n")
    return f


def test_kiosk_sound_is_off_unless_the_museum_turns_it_on(tmp_path: Path) -> None:
    plain = load_kiosk_config(kiosk_file(tmp_path, ""))
    assert (plain.sound_enabled, plain.sound_volume) == (False, 0.6)
    on = load_kiosk_config(kiosk_file(tmp_path, "sound: {enabled: true, volume: 0.3}"))
    assert (on.sound_enabled, on.sound_volume) == (True, 0.3)


@pytest.mark.parametrize(("extra", "words"), [
    ("sound: {enabled: yes}", "sound.enabled"),
    ("sound: {volume: 2}", "sound.volume"),
    ("sound: {enabeld: true}", "did you mean 'enabled'"),
    ("sound: loud", "sound"),
])
def test_a_bad_kiosk_sound_setting_is_one_clear_line(tmp_path: Path, extra: str,
                                                     words: str) -> None:
    with pytest.raises(KioskConfigError) as err:
        load_kiosk_config(kiosk_file(tmp_path, extra))
    assert str(err.value).startswith(f"{tmp_path / 'kiosk.yaml'}:2: error: ")
    assert words in str(err.value) and "\n" not in str(err.value)


def test_the_committed_sounds_are_what_the_synthesiser_makes(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_sounds.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(f"{n}.wav" for n in (*NAMES, BED))
    assert [n for n in made if (tmp_path / n).read_bytes() != (sounds_dir() / n).read_bytes()] == []
