"""The terminal front end: the whole game, read line by line from stdin.

For screen readers and ssh: plain lines, numbered choices, no colour or cursor
movement. Commands at any prompt: a number to choose, Enter to continue,
`s` standing, `l` ledger, `m` switch opaque/transparent, `h` help, `q` quit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from game.analysis import Playthrough, what_if
from game.codes import encode
from game.engine.events import Recorded
from game.engine.model import Story
from game.engine.play import Choose, Context, Continue, PlayError, State, start, step
from game.engine.view import BLOCKED, OPEN, View, present
from game.textout import cite, door, ledger_lines, notice, wrap

HELP = ("Type a choice's number and press Enter. Other keys: s = your standing, "
        "l = the ledger, m = switch between what the system tells you (opaque) and what "
        "really happened (transparent), h = this help, q = quit.")


class Quit(Exception):
    pass


class Terminal:
    """One terminal session: reads lines with `ask`, writes with `say`."""

    def __init__(self, story: Story, mode: str, ask: Callable[[str], str] | None = None,
                 say: Callable[[str], None] | None = None) -> None:
        self.story = story
        self.transparent = mode == "transparent"
        self.ask = ask or _ask
        self.say = say or print

    # -- setting up -------------------------------------------------------------
    def pick(self, title: str, options: list[tuple[str, str]], default: int = 0) -> str:
        self.say(title)
        for i, (_, label) in enumerate(options, 1):
            self.say(wrap(f"{i}. {label}", "  "))
        while True:
            answer = self.ask(f"Number (Enter for {default + 1}): ").strip().lower()
            if answer == "":
                return options[default][0]
            if answer == "q":
                raise Quit
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return options[int(answer) - 1][0]
            self.say(f"Please type a number from 1 to {len(options)}, or q to quit.")

    def choose_scenario(self) -> str:
        lives = [(sid, f"{s.title} - {s.role}. {s.blurb}" +
                  (f" (about {s.minutes} minutes)" if s.minutes else ""))
                 for sid, s in self.story.scenarios.items()]
        return self.pick("Whose week will you live?", lives)

    def choose_ruleset(self, scenario: str) -> str:
        default = self.story.scenarios[scenario].ruleset
        ids = [default] + [r for r in self.story.rulesets if r != default]
        options = [(r, f"{self.story.rulesets[r].name}" + (" (this life's own)" if i == 0 else ""))
                   for i, r in enumerate(ids)]
        return self.pick("Under which rules?", options)

    # -- playing ----------------------------------------------------------------
    def play(self, scenario: str, ruleset: str, seed: int) -> int:
        ctx = Context.of(self.story, scenario, ruleset)
        self.say("")
        self.say(wrap(f"{ctx.scenario.title}. Rules in force: {ctx.ruleset.name}. {HELP}"))
        state, events = start(ctx, seed)
        while True:
            view = present(ctx, state)
            self.show_scene(view)
            if state.ended:
                self.finish(ctx, state, view)
                return 0
            state, events = self.turn(ctx, state, view)
            for event in events:
                if isinstance(event, Recorded):
                    self.say(notice(event.entry, self.story, self.transparent))

    def show_scene(self, view: View) -> None:
        self.say("")
        if view.ending_title:
            self.say(f"THE END: {view.ending_title}")
        for para in view.paragraphs:
            self.say(wrap(para))
            self.say("")
        for fact in view.facts:
            self.say(wrap(f"Fact: {fact.text} (Source: {cite(fact.sources)})", "  "))

    def turn(self, ctx: Context, state: State, view: View) -> tuple[State, list]:
        while True:
            if view.can_continue:
                answer = self.ask("Press Enter to continue. ").strip().lower()
            else:
                self.list_choices(view)
                answer = self.ask("Your choice: ").strip().lower()
            if self.command(answer, ctx, state):
                continue
            try:
                if view.can_continue and answer == "":
                    return step(ctx, state, Continue())
                if answer.isdigit() and not view.can_continue:
                    return step(ctx, state, Choose(int(answer)))
            except PlayError as exc:
                self.say(wrap(f"That door is closed: {exc}."))
                continue
            self.say("Type a choice's number, or h for help.")

    def list_choices(self, view: View) -> None:
        for choice in view.visible_choices:
            if choice.status == OPEN:
                self.say(wrap(f"{choice.position}. {choice.text}", "  "))
            elif choice.status == BLOCKED:
                self.say(door(choice, self.transparent))

    def command(self, answer: str, ctx: Context, state: State) -> bool:
        if answer == "q":
            raise Quit
        if answer == "h":
            self.say(wrap(HELP))
        elif answer == "s":
            self.standing(ctx, state)
        elif answer == "l":
            for line in ledger_lines(state.ledger, self.story):
                self.say(line)
        elif answer == "m":
            self.transparent = not self.transparent
            self.say("Transparent mode: you see what really happened." if self.transparent
                     else "Opaque mode: you see only what the system tells you.")
        else:
            return False
        return True

    def standing(self, ctx: Context, state: State) -> None:
        sv = present(ctx, state).standing
        self.say(f"Score {sv.score}, tier {sv.tier.label} ({sv.tier.id}).")
        self.say("Lists: " + (", ".join(name for _, name in sv.lists) or "none") + ".")
        closed = [c.name for c in sv.capabilities if not c.open]
        self.say(wrap("Closed to you now: " + (", ".join(closed) or "nothing") + "."))

    def finish(self, ctx: Context, state: State, view: View) -> None:
        if view.discuss:
            self.say(wrap(f"To discuss: {view.discuss}"))
        self.say("")
        self.say("Your ledger, every change explained:")
        for entry in state.ledger:
            self.say(f"Step {entry.step}, at {entry.scene}:")
            self.say(notice(entry, self.story, True))
        pt = Playthrough(state.scenario, state.ruleset, state.seed, state.choices)
        self.say("")
        self.say("The same choices under every ruleset:")
        for out in what_if(self.story, pt):
            rs = self.story.rulesets[out.playthrough.ruleset]
            end = out.ending_title or "stopped: " + (out.blocked_at or "no ending")
            self.say(wrap(f"{rs.name}: score {out.state.standing.score}, tier "
                          f"{rs.tier_of(out.state.standing.score).label}; {end}", "  "))
        self.say(f"Replay code: {encode(self.story, pt)}")


def _ask(prompt: str) -> str:
    line = input(prompt)
    return line


def play_in_terminal(story: Story, scenario: str | None, ruleset: str | None, mode: str,
                     seed: int) -> int:
    """Run the terminal game; end of input or q quits quietly."""
    term = Terminal(story, mode)
    try:
        sid = scenario or term.choose_scenario()
        rid = ruleset or term.choose_ruleset(sid)
        return term.play(sid, rid, seed)
    except (Quit, EOFError):
        print("\nGoodbye.", file=sys.stderr)
        return 0
