"""Cleaning repairs mojibake, leaves correct text alone and strips page furniture."""

from __future__ import annotations

import pytest

from asean_cyber_data.clean import clean, repair
from asean_cyber_data.extract.langdata import pack

from .conftest import RAW


def test_utf8_read_as_mac_roman_is_repaired() -> None:
    text = (RAW / "001_1d5ee514c5ee1c71.txt").read_text(encoding="utf-8")
    assert "–¬†" in text
    fixed, repairs = repair(text)
    assert "¬†" not in fixed and "October 1, 2015 –\u00a0Japan" in fixed
    assert "utf8-as-mac-roman" in repairs


@pytest.mark.parametrize(
    "correct",
    [
        "Hội nghị Bộ trưởng Ngoại giao ASEAN-EU diễn ra ở thủ đô Bangkok",
        "“Berhubung perkara ini,” katanya — ASEAN’s École “quotes” stay curly",
        "ไทย ร่วมกับรัสเซียและจีน เป็นประธานร่วม ๒๓-๒๔ พฤษภาคม ๒๕๖๗",
        "Kyodo: le Japon et les États-Unis — coopération",
    ],
)
def test_correct_text_is_left_byte_identical(correct: str) -> None:
    assert repair(correct) == (correct, ())


def test_cp1252_mojibake_is_repaired() -> None:
    broken = "Hội nghị".encode().decode("cp1252", errors="replace")
    fixed, repairs = repair("Bangkok â€“ " + broken)
    assert fixed.startswith("Bangkok – ")
    assert repairs


def test_boilerplate_lines_and_comment_tail_are_removed() -> None:
    raw = (
        "+\nAa\n-\nlike\ncomment\n\nASEAN và EU ra tuyên bố chung\n\nNgọc Hoàng\n\nBài mới\n"
        "Đọc nhiều\nSomething after the footer"
    )
    text = clean(raw, pack("vi")).text
    assert text == "ASEAN và EU ra tuyên bố chung\n\nNgọc Hoàng"


def test_leave_a_reply_footer_is_cut() -> None:
    raw = "Japan will help, he said.\n\nLeave a Reply\n\nYour email address will not be published."
    assert clean(raw, pack("en")).text == "Japan will help, he said."
