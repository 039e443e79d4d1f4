"""The reserved ids every token sequence shares: data builds them, models read them (both import this)."""

PAD_ID = 0  # padding after a sequence's end; its embedding is kept at zero
UNK_ID = 1  # a token the vocabulary does not hold
IGNORE = -100  # tagging targets at padded steps (cross-entropy's ignore_index)
