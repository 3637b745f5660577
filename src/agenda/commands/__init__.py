"""The commands in scripts/: one module per command, each with its ``main``."""
