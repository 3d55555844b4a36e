"""Find English sentences left in a translated text.

A sentence counts as English when it holds three or more different English function
words that are not also Spanish or Portuguese words ("the", "your", "with", ...). Names
and button labels kept in English ("Confirm receipt", "Buyer Protection") hold at most
one or two and pass; a sentence someone forgot to translate does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ENGLISH_ONLY = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "with",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "not",
        "if",
        "when",
        "what",
        "which",
        "who",
        "from",
        "by",
        "or",
        "it",
        "its",
        "they",
        "their",
        "them",
        "there",
        "here",
        "than",
        "then",
        "about",
        "after",
        "before",
        "into",
        "only",
        "also",
        "any",
        "each",
        "every",
        "more",
        "most",
        "some",
        "such",
        "our",
        "we",
        "us",
        "he",
        "she",
        "his",
        "her",
        "my",
        "why",
        "how",
        "where",
        "while",
        "until",
        "because",
    ]
)
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
SENTENCE = re.compile(r"(?<=[.!?:;])\s+")
AT_LEAST = 3


def english_sentences(text: str, ignore: Iterable[str] = ()) -> list[str]:
    """The sentences of `text` that read as English, once each text in `ignore` is removed."""
    text = " ".join(text.split())
    for known in sorted(ignore, key=len, reverse=True):
        if known.strip():
            text = text.replace(" ".join(known.split()), " ")
    text = re.sub(r"https?://\S+", " ", text)
    found = []
    for sentence in SENTENCE.split(text):
        words = {word.lower() for word in WORD.findall(sentence)}
        if len(words & ENGLISH_ONLY) >= AT_LEAST:
            found.append(sentence.strip())
    return found
