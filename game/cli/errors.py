"""The two ways a command fails, shared by the parser and the commands (no cycle)."""


class UsageError(Exception):
    """Bad usage or bad input: printed as `error: ...`, exit 2."""


class StoryInvalid(Exception):
    """The story folder has errors; they were printed on stderr. Exit 1."""
