"""How people actually type: without diacritics, in teencode, and reposting with small edits."""

from __future__ import annotations

import random
import re
import unicodedata


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in range(0x00C0, 0x1EFA):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and len(base) == 1 and base.isascii():
            table[cp] = base
    return table


_FOLD = _fold_table()


def strip_diacritics(text: str) -> str:
    """'Sạt lở bờ sông' → 'Sat lo bo song' (what a phone keyboard without Telex gives)."""
    return text.translate(_FOLD)


# word → forms seen in comments and messages; the plain word stays possible too
_TEEN: dict[str, tuple[str, ...]] = {
    "không": ("ko", "k", "hok", "kg", "hem"),
    "được": ("dc", "đc", "đk"),
    "gì": ("j", "gi"),
    "mọi người": ("mn", "mng"),
    "bạn": ("bn", "b"),
    "với": ("vs", "vs"),
    "nói": ("ns",),
    "biết": ("bít", "bik"),
    "nhiều": ("nhìu",),
    "quá": ("wá", "qá"),
    "người": ("ng",),
    "rồi": ("r", "rùi"),
    "cũng": ("cx", "cũg"),
    "vậy": ("z", "v"),
    "thôi": ("thui",),
    "trả lời": ("tl",),
    "ủng hộ": ("ủh",),
    "chồng": ("ck",),
    "vợ": ("vk",),
    "anh em": ("ae",),
    "em": ("e",),
    "anh": ("a",),
    "chị": ("c",),
    "uỷ ban": ("ub",),
    "ủy ban": ("ub",),
    "thì": ("thỳ",),
    "hôm nay": ("hnay",),
    "bây giờ": ("bh", "bjo"),
    "luôn": ("lun",),
}
_TEEN_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _TEEN), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)


def teencode(text: str, rng: random.Random) -> str:
    """Rewrite common words the way they are typed in comments ('không' → 'ko', 'được' → 'dc')."""

    def swap(m: re.Match[str]) -> str:
        if rng.random() < 0.25:
            return m.group(0)
        return rng.choice(_TEEN[m.group(0).lower()])

    out = _TEEN_RE.sub(swap, text)
    if rng.random() < 0.5:
        out = out.lower()
    return out


EMOJI = ("😡", "😢", "🙏", "👍", "😤", "😭", "❤️", "‼️", "🤔", "😥")
_PREFIX = (
    "Chia sẻ: ",
    "Share: ",
    "Mn ơi ",
    "Đọc mà bức xúc: ",
    "Chia sẻ để mọi người cùng biết: ",
    "#chiase ",
    "Fw: ",
)


def repost(text: str, rng: random.Random) -> str:
    """Same message reposted elsewhere: a prefix, an emoji, punctuation, two words swapped."""
    out = text
    edits = rng.sample(range(5), rng.randint(1, 3))
    for edit in edits:
        if edit == 0:
            out = rng.choice(_PREFIX) + out
        elif edit == 1:
            out = f"{out} {rng.choice(EMOJI)}{rng.choice(EMOJI) if rng.random() < 0.3 else ''}"
        elif edit == 2:
            out = out.replace(". ", rng.choice(("! ", "... ", ", ", ".  ")), 2)
        elif edit == 3:
            words = out.split(" ")
            if len(words) > 6:
                i = rng.randrange(1, len(words) - 2)
                words[i], words[i + 1] = words[i + 1], words[i]
                out = " ".join(words)
        else:
            out = out.rstrip(".!") + rng.choice(("!!!", "??", " ạ.", " nhé.", "."))
    return out
