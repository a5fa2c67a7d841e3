"""Helpers for the rule and feature tests: an article from an invented text, and the
candidate a rule proposed for it.

Every text in these tests was written for them (no development-set text): outlets,
places and officials may be real-world names, the sentences are invented.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from asean_cyber_data.extract import prepare
from asean_cyber_data.extract.article import Article
from asean_cyber_data.extract.candidates import Candidate
from asean_cyber_data.extract.langdata import pack
from asean_cyber_data.read import Document

#: Neutral sentences, one a line, to push a line away from the top or the bottom of an
#: article (sources read the first and last six lines; dates the first four).
FILLER = {
    "en": "The officials discussed the plan in detail.",
    "id": "Para pejabat membahas rencana itu secara rinci.",
    "ms": "Para pegawai membincangkan rancangan itu dengan terperinci.",
    "vi": "Các quan chức đã thảo luận chi tiết về kế hoạch.",
    "th": "เจ้าหน้าที่หารือเกี่ยวกับแผนดังกล่าวอย่างละเอียด",
    "tl": "Tinalakay ng mga opisyal ang plano nang detalyado.",
    "km": "មន្ត្រីបានពិភាក្សាលម្អិតអំពីផែនការនេះ។",
}


def filler(code: str, lines: int) -> str:
    """``lines`` neutral lines in language ``code``, joined by newlines."""
    return "\n".join([FILLER[code]] * lines)


def article(code: str, text: str) -> Article:
    """The article every extractor reads, for ``text`` in language ``code``."""
    return Article(text, pack(code))


def document(text: str) -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id="invented", path="invented.txt", text=text, sha256=digest, encoding="utf-8", format="txt"
    )


def prepared(text: str) -> Article:
    """``text`` read as the pipeline reads it (language detected, text cleaned)."""
    return prepare(document(text)).article


def rules_of(candidate: Candidate) -> tuple[str, ...]:
    """Every rule that proposed ``candidate`` (merged candidates keep all of them)."""
    return candidate.rules or (candidate.rule,)


def the(candidates: Iterable[Candidate], value: str, rule: str | None = None) -> Candidate:
    """The candidate whose value is ``value`` (proposed by ``rule``, when given)."""
    pool = list(candidates)
    found = [c for c in pool if c.value == value and (rule is None or rule in rules_of(c))]
    assert found, f"no candidate {value!r} by {rule}: {[(c.value, rules_of(c)) for c in pool]}"
    return found[0]


def feature(candidate: Candidate, name: str) -> float:
    """A feature's value (a rule that does not compute a feature leaves it at 0)."""
    return candidate.features.get(name, 0.0)
