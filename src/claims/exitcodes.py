"""The three exit codes of every `claims` command, named once."""

OK = 0
"""Success: nothing open, nothing wrong."""

FINDINGS = 1
"""The command worked and found something to act on (open claims, failed examples)."""

ERROR = 2
"""A usage or input error: bad arguments, unreadable files, broken rule files."""
