"""``claims check``: whether articles may go out (gate), which articles changed since a git ref
(changed), and the check's reports: text and JSON (checkout), GitHub annotations and the step
summary (github), SARIF (sarif)."""
