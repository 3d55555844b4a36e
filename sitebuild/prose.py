"""Plain-language scores for the guide, one formula per language, on the prose alone.

A reader in trouble, on a phone, gives up on long sentences and long words. Each language
gets the reading-ease formula published for it, with its own syllable counter:

- English: Flesch (1948): 206.835 - 1.015 * words/sentences - 84.6 * syllables/words.
- Spanish: Szigriszt-Pazos (1993), read on the INFLESZ scale (Barrio-Cantalejo et al., 2008):
  206.835 - 62.3 * syllables/words - words/sentences. 55-65 is "normal", 65-80 "fairly easy".
- Portuguese: Flesch as adapted by Martins et al. (1996):
  248.835 - 1.015 * words/sentences - 84.6 * syllables/words.

Only what a reader reads as text counts: front matter, code, tables, HTML, page tokens and
link targets are removed first, and every heading, list item and line ends a sentence.

`python -m sitebuild.prose --lang es page.md ...` prints each page's score and the median.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2\s*$", re.DOTALL | re.MULTILINE)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
TOKEN = re.compile(r"\{\{.*?\}\}", re.DOTALL)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
BARE_URL = re.compile(r"<?https?://\S+>?")
INLINE_CODE = re.compile(r"`[^`]*`")
ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*\S+(?:\s+"([^"]*)")?\s*$')
LIST_MARK = re.compile(r"^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def prose(markdown: str) -> str:
    """The text a reader reads, one sentence-ending line per block."""
    text = FRONT_MATTER.sub("", markdown)
    text = FENCE.sub("", text)
    text = HTML_COMMENT.sub("", text)
    text = TOKEN.sub("", text)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = BARE_URL.sub("", text)
    text = INLINE_CODE.sub("", text)
    text = ATTR_LIST.sub("", text)
    text = HTML_TAG.sub(" ", text)
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("|") or set(line) <= set("-=*_ "):
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            line = admonition.group(1) or ""
        line = line.lstrip("#>: ").strip()
        line = LIST_MARK.sub("", line)
        line = " ".join(line.replace("**", "").replace("__", "").replace("*", "").split())
        if not WORD.search(line):
            continue
        if not SENTENCE_END.search(line[-1:] + " "):
            line += "."
        lines.append(line)
    return "\n".join(lines)


# Endings whose last vowel is not heard: "makes", "shipped", "late" (but not "boxes",
# "wanted" or "table").
_SILENT_ENDINGS = re.compile(r"(?:[^aeiouyszxcgh]es|[^aeiouydt]ed|[^aeiouyl]e|[aeiouy]le)$")
# Vowel pairs that are two sounds: "period", "actual", "video" (not "action", "guard").
_TWO_SOUNDS = re.compile(r"(?:ia|(?<![tscgx])io|iu|(?<![gq])ua|uo|ism$)")
# Compound and brand words the rules above miscount, as they are common in the guide.
_KNOWN = {"aliexpress": 4, "chargeback": 2, "chargebacks": 2, "someone": 2, "sometimes": 2}


def english_syllables(word: str) -> int:
    """Syllables by vowel groups, the usual way for English: right on average, not per word."""
    w = word.lower().replace("\u2019", "'").split("'")[0]
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 0
    if w in _KNOWN:
        return _KNOWN[w]
    if len(w) <= 3:
        return 1
    count = len(re.findall(r"[aeiouy]+", w))
    if _SILENT_ENDINGS.search(w) and count > 1:
        count -= 1
    count += len(_TWO_SOUNDS.findall(w))
    if w.startswith("y") and w[1:2] in "aeiou":
        count -= 1
    return max(count, 1)


# Spanish and Portuguese spell their syllables: a syllable is a vowel group, split where two
# strong vowels meet (le-er, po-e-ta) or where a stressed i or u stands beside another vowel
# (dí-a, ba-ú), but not in a nasal pair (ão, õe). Weak vowels (i, u, and y at a word's
# end) join a neighbour into one syllable.
_STRONG = set("aeoáéóàâêôãõ")
_STRESSED_WEAK = set("íú")
_WEAK = set("iuüy")
# "que", "guía": the u only marks the consonant. "mão", "põe": one nasal syllable.
_FRONT = set("eiéíêè")
_NASAL = set("ãõ")


# Names read as in English in both languages: a-li-ex-press, not a-lie-xpress.
_ROMANCE_KNOWN = {"aliexpress": 4}


def _romance_syllables(word: str) -> int:
    w = word.lower()
    if w in _ROMANCE_KNOWN:
        return _ROMANCE_KNOWN[w]
    count = 0
    previous = ""
    for index, char in enumerate(w):
        is_y_vowel = char == "y" and (index + 1 == len(w) or w[index + 1] not in _STRONG | _WEAK)
        vowel = char in _STRONG or char in _STRESSED_WEAK or (char in _WEAK and char != "y")
        if char == "y":
            vowel = is_y_vowel
        silent_u = (
            char == "u"
            and w[index - 1 : index] in ("q", "g")
            and w[index + 1 : index + 2] in _FRONT
        )
        if not vowel or silent_u:
            previous = ""
            continue
        nasal = previous in _NASAL and char in "eo"
        if not previous or (
            not nasal
            and (
                (previous in _STRONG and char in _STRONG)
                or char in _STRESSED_WEAK
                or previous in _STRESSED_WEAK
            )
        ):
            count += 1
        previous = char
    return max(count, 1)


def spanish_syllables(word: str) -> int:
    """Syllables of a Spanish word: "reembolso" 4, "día" 2, "pedido" 3, "muy" 1."""
    return _romance_syllables(word)


def portuguese_syllables(word: str) -> int:
    """Syllables of a Portuguese word: "devolução" 4, "saída" 3, "pedido" 3, "você" 2."""
    return _romance_syllables(word)


@dataclass(frozen=True)
class Scale:
    """A language's reading-ease formula and the bars its pages must meet."""

    syllables: Callable[[str], int]
    base: float
    per_sentence: float
    per_syllable: float
    median_at_least: float
    every_page_at_least: float

    def score(self, text: str) -> float:
        sentences = [s for s in SENTENCE_END.split(text) if WORD.search(s)]
        words = WORD.findall(text)
        if not words or not sentences:
            return 100.0
        syllable_count = sum(self.syllables(w) for w in words)
        return (
            self.base
            - self.per_sentence * len(words) / len(sentences)
            - self.per_syllable * syllable_count / len(words)
        )


SCALES: dict[str, Scale] = {
    "en": Scale(english_syllables, 206.835, 1.015, 84.6, 75.0, 60.0),
    "es": Scale(spanish_syllables, 206.835, 1.0, 62.3, 65.0, 55.0),
    "pt": Scale(portuguese_syllables, 248.835, 1.015, 84.6, 60.0, 50.0),
}


def page_score(lang: str, markdown: str) -> float:
    return SCALES[lang].score(prose(markdown))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.prose")
    parser.add_argument("--lang", choices=sorted(SCALES), default="en")
    parser.add_argument("pages", nargs="+", type=Path)
    args = parser.parse_args(argv)
    scale = SCALES[args.lang]
    found = {page: page_score(args.lang, page.read_text("utf-8")) for page in args.pages}
    for page, score in found.items():
        mark = "" if score >= scale.every_page_at_least else "  (under the bar)"
        print(f"{score:6.1f}  {page}{mark}")
    middle = median(found.values())
    print(
        f"median {middle:.1f} (bar {scale.median_at_least}, every page {scale.every_page_at_least})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
