"""Korean syllables <-> jamo by Unicode arithmetic, so a model can generate Korean letter by letter.

A precomposed syllable (U+AC00..U+D7A3) is ``0xAC00 + (initial * 21 + medial) * 28 + final`` with
19 initials, 21 medials and 28 finals (0 = none). Decomposing writes the conjoining jamo
U+1100 + initial, U+1161 + medial and, when final > 0, U+11A7 + final; composing reverses it
wherever an initial is followed by a medial (and maybe a final). Anything else passes through.
"""

S_BASE, L_BASE, V_BASE, T_BASE = 0xAC00, 0x1100, 0x1161, 0x11A7
L_COUNT, V_COUNT, T_COUNT = 19, 21, 28
S_COUNT = L_COUNT * V_COUNT * T_COUNT  # 11,172 syllables


def is_syllable(ch: str) -> bool:
    return 0 <= ord(ch) - S_BASE < S_COUNT


def decompose(text: str) -> str:
    """Each Hangul syllable -> 2 or 3 conjoining jamo; other characters unchanged."""
    out = []
    for ch in text:
        i = ord(ch) - S_BASE
        if 0 <= i < S_COUNT:
            initial, medial, final = (
                i // (V_COUNT * T_COUNT),
                (i % (V_COUNT * T_COUNT)) // T_COUNT,
                i % T_COUNT,
            )
            out.append(chr(L_BASE + initial) + chr(V_BASE + medial) + (chr(T_BASE + final) if final else ""))
        else:
            out.append(ch)
    return "".join(out)


def _index(ch: str, base: int, count: int) -> int:
    i = ord(ch) - base
    return i if 0 <= i < count else -1


def compose(jamo: str) -> str:
    """Initial + medial (+ final) -> one syllable; a lone jamo (a model's half-written letter) stays."""
    out, i = [], 0
    while i < len(jamo):
        initial = _index(jamo[i], L_BASE, L_COUNT)
        medial = _index(jamo[i + 1], V_BASE, V_COUNT) if i + 1 < len(jamo) else -1
        if initial >= 0 and medial >= 0:
            final = _index(jamo[i + 2], T_BASE, T_COUNT) if i + 2 < len(jamo) else -1
            final = final if final > 0 else 0
            out.append(chr(S_BASE + (initial * V_COUNT + medial) * T_COUNT + final))
            i += 3 if final else 2
        else:
            out.append(jamo[i])
            i += 1
    return "".join(out)
