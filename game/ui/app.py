"""The window: one event-driven loop over a stack of screens; redraw only when dirty.

While nothing moves the loop polls events every 50 ms and sleeps in between
(0.4 % of a core measured in tech-notes.md); only while something animates does
it run at 60 frames a second. Every input — mouse, touch (normalised 0-1
coordinates) and keys — becomes one of a few calls on the top screen.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# A software window surface: measured under X11 (docs/benchmarks.md) the OpenGL one
# (Mesa llvmpipe) drew a 1920x1080 frame in 24.5 ms and took 165 MB; this one 7.4 ms and 58 MB.
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")

import pygame  # noqa: E402

from game.ui import storage  # noqa: E402
from game.ui.options import PlayOptions  # noqa: E402
from game.ui.theme import Theme  # noqa: E402

IDLE_SLEEP = 0.05
FPS = 60
DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (800, 480)

log = logging.getLogger("roam_freely.ui")


def run(options: PlayOptions) -> int:
    """Open the window and play; returns the exit status."""
    try:
        splash(options)
    except pygame.error as err:
        print(f"error: cannot open a window: {err}", file=sys.stderr)
        return 2
    # After a frame; a compiled story when it is unchanged (game.storycache).
    from game.storycache import StoryErrors, load_story

    try:
        story = load_story(options.story)
    except StoryErrors as err:
        print(str(err), file=sys.stderr)
        return 1
    try:
        app = App(options, story)
    except ConfigErrors as err:
        print(str(err), file=sys.stderr)  # PATH:LINE: error: ... lines, like a story's
        return 2
    except AppError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except pygame.error as err:
        print(f"error: cannot open a window: {err}", file=sys.stderr)
        return 2
    stop_on_signals(app)
    try:
        return app.loop()
    except Exception:  # no traceback reaches a player: it goes to a log file instead
        return _crashed(traceback.format_exc())
    finally:
        app.close()


def _crashed(tb: str) -> int:
    path = storage.log_dir() / "crash.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n{tb}\n")
        where = f"details are in {path}"
    except OSError:
        where = "and the log could not be written"
    print(f"error: the game stopped unexpectedly; {where}", file=sys.stderr)
    return 1


def full_screen_flags(size: tuple[int, int] | None) -> int:
    """FULLSCREEN, except on SDL's headless dummy driver when a size was asked for:
    there the only full-screen mode is 1024x768, nobody sees the window, and
    `--screenshots` of a kiosk at `--size 1920x1080` must come out at that size."""
    if size and pygame.display.get_driver() == "dummy":
        return 0
    return pygame.FULLSCREEN


def splash(options: PlayOptions) -> None:
    """Show a window at once, with the game's name, while the story loads."""
    from game.ui import gfx
    from game.ui.theme import HIGH_CONTRAST, LIGHT

    pygame.display.init()
    if pygame.display.get_driver() in ("offscreen", "dummy") and \
            os.environ.get("SDL_VIDEODRIVER") not in ("offscreen", "dummy"):
        # SDL falls back to drawing in memory when DISPLAY names no X server
        # (a stale ssh or tmux variable, WSL, a container): nobody would see us.
        pygame.display.quit()
        raise NoDisplay("the display could not be opened")
    pygame.font.init()
    pygame.display.set_caption("Roam Freely")
    if options.fullscreen or options.kiosk:
        surf = pygame.display.set_mode(options.size or (0, 0), full_screen_flags(options.size))
    else:
        surf = pygame.display.set_mode(options.size or DEFAULT_SIZE, pygame.RESIZABLE)
    pal = HIGH_CONTRAST if options.classroom else LIGHT
    surf.fill(pal.bg)
    k = min(surf.get_width() / 1280, surf.get_height() / 720)
    title = gfx.render("Roam Freely", gfx.font(max(12, round(64 * k)), "bold"), pal.ink)
    sub = gfx.render("Loading the story", gfx.font(max(10, round(26 * k))), pal.muted)
    cx, cy = surf.get_width() // 2, surf.get_height() // 2
    surf.blit(title, title.get_rect(midbottom=(cx, cy)))
    surf.blit(sub, sub.get_rect(midtop=(cx, cy + round(12 * k))))
    pygame.display.flip()


class AppError(Exception):
    """A problem with the options or the display, said in one sentence."""


class NoDisplay(AppError):
    """No screen a person could see: the caller falls back to the terminal game."""


def stop_on_signals(app: App) -> None:
    """SIGTERM and SIGINT end the game cleanly, in kiosk mode too.

    SDL turns both into a window-close event, which a locked kiosk ignores, so a
    supervisor's `systemctl restart` would hang until it kills us: locking means
    ignoring visitors, not the supervisor.
    """
    def stop(signum: int, frame: object) -> None:
        app.quit(0)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)


class ConfigErrors(AppError):
    """The kiosk config's problems, one `PATH:LINE: error: ...` per line."""


class App:
    """The window, the settings, the screen stack and the loop."""

    def __init__(self, options: PlayOptions, story, *,  # noqa: ANN001
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.options, self.story = options, story
        self.clock, self.sleep = clock, sleep
        self.kiosk_cfg = self._kiosk_config() if options.kiosk else None
        self._check_options()
        if options.kiosk:
            self.settings, self.message = storage.Settings(fullscreen=True), None
            self.settings.mode = self.kiosk_cfg.mode
        else:
            self.settings, self.message = storage.load_settings()
        if options.mode:
            self.settings.mode = options.mode
        if options.classroom:
            self.settings.high_contrast = True
            self.settings.text_step = max(self.settings.text_step, 2)
        if options.fullscreen:
            self.settings.fullscreen = True
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        self.surface = self._open_window()
        self.screens: list = []
        self.running, self.status = True, 0
        self.dirty = True
        self.damaged: list[pygame.Rect] = []  # parts of the window to update, when not dirty
        self.session = None
        self.touch_px = 44
        self.theme = self._build_theme()
        self.transition: tuple[pygame.Surface, float] | None = None
        self.frames = 0
        self.after_draw: list[Callable[[], None]] = []
        self.pointer: tuple[int, int] | None = None  # the last pointer position seen
        self.kiosk = None
        if options.kiosk:
            from game.ui.kiosk.mode import KioskController

            self.kiosk = KioskController(self)
        self.sounds = self._sounds()
        self.driver = None
        if options.autoplay is not None or options.screenshots is not None:
            from game.ui.autoplay import Driver

            self.driver = Driver(self, options.autoplay or [], options.screenshots)
        self._first_screen()

    # -- setup -------------------------------------------------------------------------

    def _kiosk_config(self):  # noqa: ANN202
        from game.ui.kiosk.config import (
            KioskConfigError,
            check_against,
            default_kiosk_config,
            load_kiosk_config,
        )

        if self.options.kiosk_config is None:
            return default_kiosk_config()
        try:
            cfg = load_kiosk_config(self.options.kiosk_config)
        except KioskConfigError as err:
            raise ConfigErrors(str(err)) from err
        except OSError as err:
            raise AppError(f"cannot read the kiosk config: {err}") from err
        problems = check_against(cfg, self.story)
        if problems:
            raise ConfigErrors("\n".join(problems))
        return cfg

    def _check_options(self) -> None:
        o = self.options
        if o.scenario and o.scenario not in self.story.scenarios:
            raise AppError(f"no scenario '{o.scenario}'; the story has "
                           f"{', '.join(self.story.scenarios)}")
        if o.ruleset and o.ruleset not in self.story.rulesets:
            raise AppError(f"no ruleset '{o.ruleset}'; the story has "
                           f"{', '.join(self.story.rulesets)}")
        if o.mode and o.mode not in ("opaque", "transparent"):
            raise AppError("--mode must be opaque or transparent")

    def _sounds(self):  # noqa: ANN202
        """The sound set: the player's volume and mute; in a kiosk, off unless the museum
        turned it on. Silent, never an error, with no audio device."""
        from game.ui.sound import Sounds

        s, cfg = self.settings, self.kiosk_cfg
        if cfg is not None:
            return Sounds(volume=cfg.sound_volume, muted=False, enabled=cfg.sound_enabled)
        return Sounds(volume=getattr(s, "volume", 0.6), muted=getattr(s, "muted", False),
                      enabled=True)

    def _open_window(self) -> pygame.Surface:
        pygame.display.set_caption(f"{self.story.title}")
        try:
            from game import paths

            pygame.display.set_icon(pygame.image.load(str(paths.assets() / "ui" / "icon.svg")))
        except (pygame.error, FileNotFoundError):
            pass  # an icon is a nicety
        if self.settings.fullscreen:
            size = self.options.size or (0, 0)
            return pygame.display.set_mode(size, full_screen_flags(self.options.size))
        surf = pygame.display.set_mode(self.options.size or DEFAULT_SIZE, pygame.RESIZABLE)
        try:  # below this the standing panel and the text column no longer fit side by side
            import warnings

            with warnings.catch_warnings():  # from_display_module is deprecated for drawing,
                warnings.simplefilter("ignore", DeprecationWarning)  # not for this
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):
            pass
        return surf

    def _build_theme(self) -> Theme:
        s, o = self.settings, self.options
        min_body = 0
        if self.kiosk_cfg is not None:
            from game.ui.kiosk.idle import display_dpi, touch_target_px

            dpi = self.kiosk_cfg.dpi or display_dpi() or 96.0
            self.touch_px = touch_target_px(self.kiosk_cfg.touch_min_mm,
                                            self.kiosk_cfg.touch_min_px, dpi)
            min_body = round(24 * dpi / 72)  # 24 pt at this display's DPI
        self._theme_size = self.surface.get_size()
        return Theme.build(self.surface.get_size(), high_contrast=s.high_contrast,
                           text_scale=s.text_scale, reduced_motion=s.reduced_motion,
                           opaque=s.mode == "opaque", touch_px=self.touch_px,
                           kiosk=o.kiosk, classroom=o.classroom, min_body_px=min_body)

    def _first_screen(self) -> None:
        from game.ui.screens import life as play
        from game.ui.screens import title

        if self.kiosk is not None:
            self.kiosk.to_attract()
        elif self.options.scenario:
            self.start_game(self.options.scenario)
        else:
            self.show(title.TitleScreen(self), animate=False)
        del play

    # -- screens -----------------------------------------------------------------------

    @property
    def screen(self):  # noqa: ANN201
        return self.screens[-1]

    def show(self, screen, animate: bool = True) -> None:  # noqa: ANN001
        """Replace the whole stack with `screen`."""
        self._snapshot(animate)
        self.screens = [screen]
        screen.layout()
        self.dirty = True

    def push(self, screen, animate: bool = True) -> None:  # noqa: ANN001
        self._snapshot(animate and not screen.modal)
        self.screens.append(screen)
        screen.layout()
        self.dirty = True

    def pop(self) -> None:
        if len(self.screens) > 1:
            self._snapshot(not self.screen.modal)
            self.screens.pop()
            self.screen.on_return()
            self.dirty = True

    def _snapshot(self, animate: bool) -> None:
        if animate and self.screens and not self.theme.reduced_motion:
            self.transition = (self.surface.copy(), self.clock())
        else:
            self.transition = None

    def start_game(self, scenario: str, ruleset: str | None = None) -> None:
        from game.ui.screens.life import PlayScreen
        from game.ui.session import Session

        self.session = Session.new(self.story, scenario, ruleset or self.options.ruleset)
        self.show(PlayScreen(self))
        self.autosave()

    def autosave(self) -> None:
        """After every choice: an atomic write of the intents so far (never in a kiosk)."""
        if self.kiosk is not None or self.session is None:
            return
        try:
            if self.session.ended:
                storage.delete_save()
            else:
                storage.write_save(self.session.to_save())
        except OSError as err:
            log.warning("autosave failed: %s", err)

    def apply_settings(self) -> None:
        """Settings changed: rebuild the theme, re-layout every screen, remember them."""
        if self.kiosk is None:
            self.sounds.set_volume(getattr(self.settings, "volume", 0.6))
            self.sounds.set_muted(getattr(self.settings, "muted", False))
            try:
                storage.save_settings(self.settings)
            except OSError as err:
                log.warning("cannot save settings: %s", err)
        self.relayout()

    def relayout(self) -> None:
        self.theme = self._build_theme()
        self.transition = None  # a resize mid-animation: drop the old frame
        for s in self.screens:
            s.layout()
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        if self.kiosk is not None:
            return
        self.settings.fullscreen = not self.settings.fullscreen
        self.surface = self._open_window()
        self.apply_settings()

    def damage(self, rect: pygame.Rect) -> None:
        """Only `rect` changed: redraw, but update just that part of the window."""
        self.damaged.append(rect.clip(self.surface.get_rect()))

    def quit(self, status: int = 0) -> None:
        self.running, self.status = False, status

    # -- the loop ----------------------------------------------------------------------

    def loop(self) -> int:
        fps = pygame.time.Clock()
        while self.running:
            busy = self.tick()
            if busy:
                fps.tick(FPS)
            else:
                self.sleep(IDLE_SLEEP)
        return self.status

    def tick(self) -> bool:
        """Handle pending input, advance animations, draw if dirty; True while animating."""
        if self.kiosk is not None:
            return self.kiosk.guarded(self._tick)
        return self._tick()

    def _tick(self) -> bool:
        for event in pygame.event.get():
            self.dispatch(event)
            if not self.running:
                return False
        now = self.clock()
        busy = any([s.update(now) for s in self.screens])
        if self.kiosk is not None:
            busy = self.kiosk.update(now) or busy
        if self.transition is not None:
            busy = True
            self.dirty = True
        if self.dirty or self.damaged:
            self.draw(now)
        if self.driver is not None:
            self.driver.tick(busy)
        return busy

    def draw(self, now: float) -> None:
        surf = self.surface
        base = 0
        for i, s in enumerate(self.screens):
            if not s.modal:
                base = i
        for s in self.screens[base:]:
            if s.modal:
                from game.ui import gfx

                gfx.dim(surf, self.theme.pal.overlay, 150)
            s.draw(surf)
        if self.transition is not None:
            old, t0 = self.transition
            k = (now - t0) / 0.18
            if k >= 1 or old.get_size() != surf.get_size():
                self.transition = None
            else:
                old.set_alpha(round(255 * (1 - k) ** 2))
                surf.blit(old, (0, 0))
        if self.dirty or self.transition is not None:
            pygame.display.flip()
        else:  # only a part changed (text being revealed): send only that to the screen
            pygame.display.update(self.damaged)
        self.frames += 1
        self.dirty = False
        self.damaged = []
        for fn in self.after_draw:
            fn()

    # -- input -------------------------------------------------------------------------

    def dispatch(self, e: pygame.event.Event) -> None:
        """Turn one pygame event into a call on the top screen."""
        t = e.type
        if t in (pygame.QUIT, pygame.WINDOWCLOSE):
            if self.kiosk is None:
                self.quit(0)
            return
        if t in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED):
            self.surface = pygame.display.get_surface()
            if self.surface.get_size() != self._theme_size:
                self.relayout()
            return
        if t in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            self.dirty = True
            return
        pos = self._pointer(e)
        if self.kiosk is not None and t in INPUT_EVENTS:
            self.kiosk.on_input(e, pos)
        s = self.screen
        if t in (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
            if t == pygame.MOUSEBUTTONDOWN and (getattr(e, "touch", False) or e.button != 1):
                return
            s.pointer_down(pos, touch=t == pygame.FINGERDOWN)
        elif t in (pygame.MOUSEBUTTONUP, pygame.FINGERUP):
            if t == pygame.MOUSEBUTTONUP and (getattr(e, "touch", False) or e.button != 1):
                return
            s.pointer_up(pos)
        elif t in (pygame.MOUSEMOTION, pygame.FINGERMOTION):
            if t == pygame.MOUSEMOTION and getattr(e, "touch", False):
                return
            s.pointer_move(pos)
        elif t == pygame.MOUSEWHEEL:
            s.wheel(-getattr(e, "precise_y", e.y))
        elif t == pygame.KEYDOWN:
            if e.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            s.key(e.key, e.mod, getattr(e, "unicode", ""))

    def _pointer(self, e: pygame.event.Event) -> tuple[int, int] | None:
        if e.type in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            w, h = self.surface.get_size()
            return round(e.x * w), round(e.y * h)
        return getattr(e, "pos", None)

    def close(self) -> None:
        sounds = getattr(self, "sounds", None)
        if sounds is not None:
            sounds.close()
        pygame.display.quit()


INPUT_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION,
                pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION, pygame.MOUSEWHEEL,
                pygame.KEYDOWN, pygame.TEXTINPUT)


def setup_logging(folder: Path) -> None:
    """Kiosk crash logs: one file, rotated by size; never anything about a visitor."""
    from logging.handlers import RotatingFileHandler

    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / "kiosk.log", maxBytes=1_000_000, backupCount=3)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

