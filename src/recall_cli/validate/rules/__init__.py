"""One module per rule: `RULE`, a docstring that documents it, and `check()`."""
