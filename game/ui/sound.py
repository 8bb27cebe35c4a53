"""Sounds: the project's five synthesised sounds, played through pygame's mixer, or not at all.

`Sounds` owns the mixer. It starts it lazily (the first `play` or `bed(True)`, or an
explicit `start()`), and if there is no audio device, or the sound files are missing,
it stays silent: a game without sound is still the whole game. Nothing plays when the
sounds are disabled (the kiosk default), muted, or at volume 0.

Names: `shutter` (a camera saw you), `chime` (a notice arrived), `buzz` (a door did not
open), `stamp` (a record was made), and the `city-bed`, a soft loop under the story.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game import paths

SHUTTER, CHIME, BUZZ, STAMP, BED = "shutter", "chime", "buzz", "stamp", "city-bed"
NAMES = (SHUTTER, CHIME, BUZZ, STAMP)
BED_LEVEL = 0.5  # the bed sits under the story: half the effects' level


def sounds_dir() -> Path:
    return paths.assets() / "sounds"


class Sounds:
    """Plays the game's sounds; every method is safe to call with no audio at all."""

    def __init__(self, volume: float = 0.6, muted: bool = False, enabled: bool = True,
                 folder: Path | None = None) -> None:
        self.enabled = enabled
        self.folder = folder or sounds_dir()
        self._volume = _clamp(volume)
        self._muted = bool(muted)
        self._started = False
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._bed_channel: pygame.mixer.Channel | None = None
        self._bed_wanted = False

    # -- state ---------------------------------------------------------------------------

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def audible(self) -> bool:
        """Whether anything would be heard: enabled, not muted, volume above 0."""
        return self.enabled and not self._muted and self._volume > 0

    @property
    def available(self) -> bool:
        """Whether the mixer started and at least one sound loaded."""
        return bool(self._sounds)

    def set_volume(self, volume: float) -> None:
        self._volume = _clamp(volume)
        self._apply()

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        self._apply()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = bool(enabled)
        self._apply()

    # -- playing -------------------------------------------------------------------------

    def start(self) -> bool:
        """Open the mixer and load the sounds (once); False when there is no audio."""
        if self._started:
            return self.available
        self._started = True
        try:
            if pygame.mixer.get_init() is None:
                pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=1024)
            pygame.mixer.set_reserved(1)  # channel 0 is the bed's: effects never cut it
            self._bed_channel = pygame.mixer.Channel(0)
        except (pygame.error, OSError):  # no device, no driver: stay silent
            return False
        for name in (*NAMES, BED):
            try:
                self._sounds[name] = pygame.mixer.Sound(str(self.folder / f"{name}.wav"))
            except (pygame.error, OSError, FileNotFoundError):
                continue
        self._apply()
        return self.available

    def play(self, name: str) -> None:
        """Play one of NAMES once (unknown names and silent setups do nothing)."""
        if not self.audible or name not in NAMES or not self.start():
            return
        sound = self._sounds.get(name)
        if sound is None:
            return
        channel = sound.play()
        if channel is not None:
            channel.set_volume(self._volume)

    def bed(self, on: bool) -> None:
        """Loop the quiet city bed (on) or fade it out (off)."""
        self._bed_wanted = on
        if on and not self.audible:
            return
        if on and not self.start():
            return
        self._apply()

    def close(self) -> None:
        """Stop everything and give the audio device back."""
        if self._started and pygame.mixer.get_init() is not None:
            pygame.mixer.stop()
            pygame.mixer.quit()
        self._sounds.clear()
        self._bed_channel = None
        self._started = False

    def _apply(self) -> None:
        """Make what is playing match the settings: volume, mute, the bed on or off."""
        if self._bed_wanted and self.audible and not self._started:
            self.start()  # the bed was asked for while silent: unmuting starts it
            return
        if not self._sounds or pygame.mixer.get_init() is None:
            return
        level = self._volume if self.audible else 0.0
        for name in NAMES:
            if name in self._sounds:
                self._sounds[name].set_volume(1.0)
        if level == 0.0:
            pygame.mixer.stop()  # a mute is heard at once, not after the current sound
        channel, bed = self._bed_channel, self._sounds.get(BED)
        if channel is None or bed is None:
            return
        if self._bed_wanted and level > 0:
            if not channel.get_busy():
                channel.play(bed, loops=-1, fade_ms=800)
            channel.set_volume(level * BED_LEVEL)
        elif channel.get_busy():
            channel.fadeout(400) if level > 0 else channel.stop()


def _clamp(volume: float) -> float:
    try:
        v = float(volume)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if v != v else min(1.0, max(0.0, v))  # NaN counts as silence
