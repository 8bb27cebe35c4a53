"""Replay codes: a playthrough as a short text a student can type or hand in.

A code carries the scenario, ruleset, seed and choices, plus the first bytes
of the story's identity (`game.engine.identity`: a digest of what changes
play, and only that), so a typo fix keeps every code valid while a code made
before a change to the rules or structure is refused with a sentence rather
than replayed wrongly. Codes made before story format 2 (layout version 1)
carry the whole folder's checksum instead; they stay valid while the files
are unchanged. Letters are
Crockford's base 32 (no I, L, O or U; those typed by mistake are read as 1, 1
and 0), grouped by four, with a check byte that catches most typos.

Layout (bytes): version and packing flag | story identity (3; version 1:
the folder checksum) | scenario
index | ruleset index | seed | number of choices | choices (two positions a
byte when all are 1..15), then one check byte; integers are LEB128 varints.
"""

from __future__ import annotations

import hashlib

from game.analysis import Playthrough
from game.engine.identity import folder_checksum, story_identity
from game.engine.model import Story

VERSION = 2  # 1: codes made before story format 2, keyed by the folder's checksum
PREFIX = "RF"
MAX_SEED = 2**63 - 1  # seeds beyond this are no playthrough anyone made
MAX_CHOICES = 100_000
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ = {c: i for i, c in enumerate(ALPHABET)}
_READ.update({"I": 1, "L": 1, "O": 0})


class CodeError(ValueError):
    """A replay code that cannot be replayed here; the message is a sentence."""


def encode(story: Story, pt: Playthrough) -> str:
    """The replay code of a playthrough of this story."""
    return _encode(story, pt, VERSION)


def _key(story: Story, version: int) -> str:
    """What a code of this layout version checks the story against (hex)."""
    return folder_checksum(story)[:6] if version == 1 else story_identity(story)[:6]


def _encode(story: Story, pt: Playthrough, version: int) -> str:
    if not 0 <= pt.seed <= MAX_SEED:
        raise CodeError("Replay codes need a seed from 0 to 2**63 - 1.")
    packed = all(1 <= c <= 15 for c in pt.choices)
    out = bytearray([version << 1 | int(packed)])
    out += bytes.fromhex(_key(story, version))
    for n in (sorted(story.scenarios).index(pt.scenario), sorted(story.rulesets).index(pt.ruleset),
              pt.seed, len(pt.choices)):
        out += _varint(n)
    if packed:
        padded = list(pt.choices) + [0] * (len(pt.choices) % 2)
        out += bytes(padded[i] << 4 | padded[i + 1] for i in range(0, len(padded), 2))
    else:
        for c in pt.choices:
            out += _varint(c)
    out.append(_check(bytes(out)))
    letters = _base32(bytes(out))
    return "-".join([PREFIX] + [letters[i:i + 4] for i in range(0, len(letters), 4)])


def decode(story: Story, code: str) -> Playthrough:
    """The playthrough a code names; CodeError with a sentence if it can't be replayed."""
    text = code.strip().upper().replace(" ", "").replace("-", "")
    if text.startswith(PREFIX):
        text = text[len(PREFIX):]
    if not text:
        raise CodeError("The replay code is empty.")
    try:
        raw = _unbase32(text)
    except KeyError as exc:
        raise CodeError(f"The replay code has a character that is not used in codes: "
                        f"{exc.args[0]!r}.") from None
    if len(raw) < 6 or _check(raw[:-1]) != raw[-1]:
        raise CodeError("The replay code is mistyped: its letters do not check out. "
                        "Copy it again, letter by letter.")
    version = raw[0] >> 1
    if version not in (1, VERSION):
        raise CodeError("The replay code comes from another version of the game.")
    if raw[1:4].hex() != _key(story, version):
        if version == 1:
            raise CodeError("The replay code is from an older version of the game, and the "
                            "story has changed since it was made, so it cannot be replayed.")
        raise CodeError("The story's rules or structure have changed since this replay code "
                        "was made, so it cannot be replayed with this version.")
    return _read(story, raw[:-1], packed=bool(raw[0] & 1))


def _read(story: Story, raw: bytes, packed: bool) -> Playthrough:
    pos = 4
    values = []
    try:
        for _ in range(4):
            n, pos = _unvarint(raw, pos)
            values.append(n)
        scenario_i, ruleset_i, seed, count = values
        if count > MAX_CHOICES:
            raise CodeError("The replay code is damaged: it names too many choices.")
        scenarios, rulesets = sorted(story.scenarios), sorted(story.rulesets)
        choices: list[int] = []
        if packed:
            for byte in raw[pos:]:
                choices += [byte >> 4, byte & 15]
            choices = choices[:count]
        else:
            while len(choices) < count:
                n, pos = _unvarint(raw, pos)
                choices.append(n)
        if len(choices) != count:
            raise IndexError
        return Playthrough(scenarios[scenario_i], rulesets[ruleset_i], seed, tuple(choices))
    except IndexError:
        raise CodeError("The replay code is damaged: it ends too early.") from None


def _check(data: bytes) -> int:
    return hashlib.sha256(data).digest()[0]


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _unvarint(raw: bytes, pos: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        byte = raw[pos]
        pos += 1
        n |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return n, pos
        if shift >= 63:  # no value in a code needs more: a longer one is forged or garbage
            raise CodeError("The replay code is damaged: a number in it is far too large.")


def _base32(data: bytes) -> str:
    bits = int.from_bytes(data, "big")
    nbits = len(data) * 8
    chars = (nbits + 4) // 5
    bits <<= chars * 5 - nbits
    return "".join(ALPHABET[(bits >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def _unbase32(text: str) -> bytes:
    bits = 0
    for ch in text:
        bits = bits << 5 | _READ[ch]
    nbytes = len(text) * 5 // 8
    bits >>= len(text) * 5 - nbytes * 8
    return bits.to_bytes(nbytes, "big")
