"""Sequence-to-sequence and the other shapes of RNN tasks (the Sequence-to-sequence lab's engine).

Modules: ``config`` (the settings, one comment per field), ``toy`` (reverse, sort, spell numbers),
``model`` (encoder-decoder with optional attention), ``attention`` (dot and additive scores),
``tagging`` (a tag per step), ``charlm`` (character-level generation), ``hangul`` (jamo arithmetic),
``texts`` (shipped public-domain texts), ``train`` (chunked training shared by the three models),
``evaluate`` (exact match and accuracy by length), ``study`` (accuracy by length with and without
attention, in chunks), ``measured`` (the study's figures from bench/seq2seq.py, shown at once).
"""
