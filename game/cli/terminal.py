"""The terminal front end: the whole game, read line by line from stdin.

For screen readers and ssh: plain lines, numbered choices, no colour or cursor
movement. Commands at any prompt: a number to choose, Enter to continue,
`s` standing, `l` ledger, `m` switch opaque/transparent, `h` help, `q` quit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from game.cli.printout import cite, door, door_reasons, ledger_lines, notice, refusal, scored, wrap
from game.codes import encode
from game.engine.host import Beat, Life
from game.engine.model import Story
from game.engine.view import BLOCKED, OPEN, View
from game.whatif import compare

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
        life = Life.begin(self.story, scenario, ruleset, seed)
        self.say("")
        self.say(wrap(f"{life.scenario.title}. Rules in force: {life.ruleset.name}. {HELP}"))
        while True:
            view = life.view
            self.show_scene(view)
            if life.ended:
                self.finish(life, view)
                return 0
            beat = self.turn(life, view)
            if beat.refusal is not None:
                self.say(refusal(beat.refusal, life, self.transparent))
            for entry in beat.entries:
                self.say(notice(entry, self.story, self.transparent, scored(life.ruleset)))
            self.in_force(life, beat)

    def in_force(self, life: Life, beat: Beat) -> None:
        """Consequences that started or ended with this step, in the story's words."""
        if not self.transparent:
            return  # an opaque system says nothing of what it set in motion
        for cons in life.ruleset.consequences:
            if cons.id in beat.started:
                self.say(wrap(f"Now in force: {cons.explain}", "  "))
            if cons.id in beat.ended:
                self.say(wrap(f"No longer in force: {cons.explain}", "  "))

    def show_scene(self, view: View) -> None:
        self.say("")
        if view.ending_title:
            self.say(f"THE END: {view.ending_title}")
        for para in view.paragraphs:
            self.say(wrap(para))
            self.say("")
        for fact in view.facts:
            self.say(wrap(f"Fact: {fact.text} (Source: {cite(fact.sources)})", "  "))

    def turn(self, life: Life, view: View) -> Beat:
        while True:
            if view.can_continue:
                answer = self.ask("Press Enter to continue. ").strip().lower()
            else:
                self.list_choices(view)
                answer = self.ask("Your choice: ").strip().lower()
            if self.command(answer, life):
                continue
            if view.can_continue and answer == "":
                return life.go_on()
            if answer.isdigit() and not view.can_continue:
                position = int(answer)
                if position in life.takeable():
                    return life.choose(position)
                self.say(wrap(self.not_takeable(view, position)))
                continue
            self.say("Type a choice's number, or h for help.")

    def not_takeable(self, view: View, position: int) -> str:
        """Why a number cannot be taken, in words (never the engine's message)."""
        choice = next((c for c in view.visible_choices if c.position == position), None)
        if choice is None:
            return f"There is no choice {position} here. Type one of the numbers shown."
        return "That door is closed: " + door_reasons(choice, self.transparent)

    def list_choices(self, view: View) -> None:
        for choice in view.visible_choices:
            if choice.status == OPEN:
                self.say(wrap(f"{choice.position}. {choice.text}", "  "))
            elif choice.status == BLOCKED:
                self.say(door(choice, self.transparent))

    def command(self, answer: str, life: Life) -> bool:
        if answer == "q":
            raise Quit
        if answer == "h":
            self.say(wrap(HELP))
        elif answer == "s":
            self.standing(life)
        elif answer == "l":
            for line in ledger_lines(life.ledger, self.story, scored(life.ruleset)):
                self.say(line)
        elif answer == "m":
            self.transparent = not self.transparent
            self.say("Transparent mode: you see what really happened." if self.transparent
                     else "Opaque mode: you see only what the system tells you.")
        else:
            return False
        return True

    def standing(self, life: Life) -> None:
        sv = life.view.standing
        if scored(life.ruleset):
            self.say(f"Score {sv.score}, tier {sv.tier.label}.")
        else:
            self.say(f"{life.ruleset.name} keeps no score, only lists.")
        self.say("Lists: " + (", ".join(name for _, name in sv.lists) or "none") + ".")
        # The same doors as the window's standing panel: those a restriction shuts (not
        # the privileges nobody granted), each with its reason in transparent mode.
        closed = [c for c in sv.capabilities if not c.open and (c.by or c.default)]
        self.say(wrap("Closed to you now: " + (", ".join(c.name for c in closed) or "nothing")
                      + "."))
        if self.transparent:
            for c in closed:
                why = " ".join(f"{x.explain} ({x.fidelity})" for x in c.by)
                self.say(wrap(f"{c.name}: {why}", "  "))

    def finish(self, life: Life, view: View) -> None:
        if view.discuss:
            self.say(wrap(f"To discuss: {view.discuss}"))
        self.say("")
        self.say("Your ledger, every change explained:")
        for entry in life.ledger:
            self.say(f"Step {entry.step}:")
            self.say(notice(entry, self.story, True, scored(life.ruleset)))
        pt = life.playthrough
        self.say("")
        self.say("The same choices under every ruleset:")
        for c in compare(self.story, pt, life):
            rs = c.ruleset
            head = rs.name + (" (yours)" if c.own else "")
            if scored(rs):
                st = c.state.standing
                head += f": score {st.score}, tier {rs.tier_of(st.score).label}"
            self.say(wrap(f"{head}. {c.sentence}", "  "))
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
