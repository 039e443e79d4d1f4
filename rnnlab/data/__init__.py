"""Data sets and tokenizers of the playground, as plain functions (pages and the CLI share them)."""
