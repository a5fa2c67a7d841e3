"""Write N realistic synthetic articles with planted answers, reproducibly.

Each article is about ~3 KB: a dateline, a lead sentence naming a partner and an
initiative, a quoted speaker with title and honorific, filler paragraphs of ordinary
news prose, page furniture (share buttons, "Leave a Reply"), and a sign-off naming the
outlet — in English, Malay, Indonesian, Vietnamese or Thai, and in several encodings.
Next to ``raw/`` it writes ``gold.jsonl`` in the annotation-guideline format, so
``asean-cyber-data evaluate`` measures how much of what was planted comes back.

    python benchmarks/generate.py OUT_DIR --count 1000 --seed 7
"""

from __future__ import annotations

import argparse
import codecs
import json
import random
from dataclasses import dataclass
from pathlib import Path

PARTNERS = {
    "JP": {"en": "Japan", "ms": "Jepun", "id": "Jepang", "vi": "Nhật Bản", "th": "ญี่ปุ่น"},
    "KR": {
        "en": "South Korea",
        "ms": "Korea Selatan",
        "id": "Korea Selatan",
        "vi": "Hàn Quốc",
        "th": "เกาหลีใต้",
    },
    "AU": {
        "en": "Australia",
        "ms": "Australia",
        "id": "Australia",
        "vi": "Australia",
        "th": "ออสเตรเลีย",
    },
    "RU": {"en": "Russia", "ms": "Rusia", "id": "Rusia", "vi": "Nga", "th": "รัสเซีย"},
    "CN": {"en": "China", "ms": "China", "id": "Tiongkok", "vi": "Trung Quốc", "th": "จีน"},
    "US": {
        "en": "the United States",
        "ms": "Amerika Syarikat",
        "id": "Amerika Serikat",
        "vi": "Hoa Kỳ",
        "th": "สหรัฐอเมริกา",
    },
    "EU": {
        "en": "the European Union",
        "ms": "Kesatuan Eropah",
        "id": "Uni Eropa",
        "vi": "Liên minh châu Âu",
        "th": "สหภาพยุโรป",
    },
    "IN": {"en": "India", "ms": "India", "id": "India", "vi": "Ấn Độ", "th": "อินเดีย"},
}
PEOPLE = {
    "en": [
        ("Datuk Seri", "Ahmad Faizal Rahman", "Home Minister"),
        ("Dr", "Lim Wei Ming", "Communications Minister"),
        ("", "Maria Santos", "Foreign Secretary"),
    ],
    "ms": [
        ("Datuk Seri", "Ahmad Faizal Rahman", "Menteri Dalam Negeri"),
        ("Tan Sri", "Mohd Nor Hashim", "Ketua Pengarah"),
        ("Dr", "Siti Aminah Yusof", "Timbalan Menteri"),
    ],
    "id": [
        ("", "Budi Santoso", "Menteri Luar Negeri"),
        ("", "Dewi Lestari", "Juru Bicara Kementerian Luar Negeri"),
        ("", "Agus Wibowo", "Kepala BSSN"),
    ],
    "vi": [
        ("Thượng tướng", "Nguyễn Văn Long", "Thứ trưởng Bộ Công an"),
        ("Ông", "Trần Quốc Hùng", "Cục trưởng"),
        ("Bà", "Lê Thị Thu Hà", "Người phát ngôn Bộ Ngoại giao"),
    ],
    "th": [("นาย", "สมชาย ใจดี", "อธิบดีกรมอาเซียน"), ("นาง", "สุดา วงศ์ไทย", "โฆษกกระทรวงการต่างประเทศ")],
}
OUTLETS = {
    "en": ["BERNAMA", "Reuters"],
    "ms": ["BERNAMA"],
    "id": ["ANTARA"],
    "vi": ["TTXVN"],
    "th": [None],
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "ms": [
        "Januari",
        "Februari",
        "Mac",
        "April",
        "Mei",
        "Jun",
        "Julai",
        "Ogos",
        "September",
        "Oktober",
        "November",
        "Disember",
    ],
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "th": [
        "มกราคม",
        "กุมภาพันธ์",
        "มีนาคม",
        "เมษายน",
        "พฤษภาคม",
        "มิถุนายน",
        "กรกฎาคม",
        "สิงหาคม",
        "กันยายน",
        "ตุลาคม",
        "พฤศจิกายน",
        "ธันวาคม",
    ],
}
FILLER = {
    "en": "Officials said the rise of online scams, ransomware and data theft across the region "
    "had made closer work between law-enforcement agencies more urgent than ever, and that "
    "training, joint exercises and the exchange of threat information would continue "
    "throughout the year in several member states.",
    "ms": "Pegawai berkata peningkatan penipuan dalam talian, serangan perisian tebusan dan "
    "kecurian data di rantau ini menjadikan kerjasama antara agensi penguatkuasaan lebih "
    "mendesak, dan latihan serta perkongsian maklumat ancaman akan diteruskan sepanjang "
    "tahun di beberapa negara anggota.",
    "id": "Para pejabat mengatakan meningkatnya penipuan daring, serangan ransomware, dan "
    "pencurian data di kawasan ini membuat kerja sama antarlembaga penegak hukum semakin "
    "mendesak, dan pelatihan serta pertukaran informasi ancaman akan terus dilakukan "
    "sepanjang tahun di sejumlah negara anggota.",
    "vi": "Các quan chức cho biết tình trạng lừa đảo trực tuyến, tấn công mã độc tống tiền và "
    "đánh cắp dữ liệu trong khu vực gia tăng khiến hợp tác giữa các cơ quan thực thi pháp "
    "luật trở nên cấp bách hơn, và các hoạt động đào tạo, trao đổi thông tin về mối đe dọa "
    "sẽ tiếp tục trong năm tại nhiều quốc gia thành viên.",
    "th": "เจ้าหน้าที่ระบุว่าการหลอกลวงทางออนไลน์ การโจมตีด้วยแรนซัมแวร์ และการขโมยข้อมูลในภูมิภาค "
    "ที่เพิ่มขึ้น ทำให้ความร่วมมือระหว่างหน่วยงานบังคับใช้กฎหมายมีความเร่งด่วนมากขึ้น "
    "และการฝึกอบรมตลอดจนการแลกเปลี่ยนข้อมูลภัยคุกคามจะดำเนินต่อไปตลอดทั้งปี",
}
INITIATIVES = {
    "en": ("ASEAN-{p} Cyber Policy Dialogue", "ASEAN-{p} Cyber Policy Dialogue"),
    "ms": ("Dialog Dasar Siber ASEAN-{p}", "ASEAN-{p} Cyber Policy Dialogue"),
    "id": ("Dialog Kebijakan Siber ASEAN-{p}", "ASEAN-{p} Cyber Policy Dialogue"),
    "vi": ("Đối thoại Chính sách không gian mạng ASEAN-{p}", "ASEAN-{p} Cyber Policy Dialogue"),
    "th": ("ASEAN-{p} Cyber Policy Dialogue", "ASEAN-{p} Cyber Policy Dialogue"),
}
FURNITURE = ["Share\nTweet\nEmail", "+\nAa\n-\nlike\ncomment", "fb fb fb"]
TAILS = {
    "en": "Leave a Reply\nYour email address will not be published.",
    "ms": "Komentar (0)",
    "id": "Komentar (0)",
    "vi": "Bài mới\nĐọc nhiều",
    "th": "",
}


@dataclass(frozen=True)
class Planted:
    file: str
    language: str
    date: str
    source: str | None
    speaker: str
    partner: str
    initiative: str
    initiative_name: str


def _dateline(lang: str, year: int, month: int, day: int) -> str:
    if lang == "en":
        return f"KUALA LUMPUR, {MONTHS['en'][month - 1]} {day}, {year} —"
    if lang == "ms":
        return f"PUTRAJAYA, {day} {MONTHS['ms'][month - 1]} {year} —"
    if lang == "id":
        return f"JAKARTA, {day} {MONTHS['id'][month - 1]} {year} –"
    if lang == "vi":
        return f"Hà Nội, ngày {day}/{month}/{year} -"
    return f"วันที่ {day} {MONTHS['th'][month - 1]} {year + 543}"


def _quote(lang: str, honorific: str, name: str, title: str, partner: str) -> str:
    full = f"{honorific} {name}".strip()
    if lang == "en":
        return (
            f"“We will work closely with {partner} to protect our people online,” said "
            f"{title} {full}. {name.split()[-1]} said the programme would start soon."
        )
    if lang == "ms":
        return (
            f"{title}, {full} berkata, kerjasama dengan {partner} penting bagi memerangi "
            f"jenayah siber. “Kita akan terus berusaha,” katanya."
        )
    if lang == "id":
        return (
            f"{title} {full} mengatakan kerja sama dengan {partner} sangat penting untuk "
            f"melawan kejahatan siber. “Kami akan terus bekerja,” ujarnya."
        )
    if lang == "vi":
        return (
            f"{honorific} {name}, {title} cho biết, hợp tác với {partner} có ý nghĩa quan "
            f"trọng trong phòng, chống tội phạm mạng."
        )
    return f"{honorific}{name} {title} กล่าวว่า ความร่วมมือกับ{partner}มีความสำคัญอย่างยิ่ง"


def article(index: int, rng: random.Random) -> tuple[str, str, Planted]:
    lang = rng.choice(["en", "en", "ms", "id", "vi", "th"])
    code = rng.choice(sorted(PARTNERS))
    partner = PARTNERS[code][lang]
    honorific, name, title = rng.choice(PEOPLE[lang])
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    english_partner = PARTNERS[code]["en"].removeprefix("the ")
    surface_template, name_template = INITIATIVES[lang]
    surface = surface_template.format(p=partner if lang != "en" else english_partner)
    if lang == "th":
        surface = surface_template.format(p=english_partner)
    outlet = rng.choice(OUTLETS[lang])
    lead = {
        "en": f"ASEAN and {partner} agreed to launch the {surface} to fight cybercrime.",
        "ms": f"ASEAN dan {partner} bersetuju melancarkan {surface} bagi memerangi jenayah siber.",
        "id": f"ASEAN dan {partner} sepakat meluncurkan {surface} untuk melawan kejahatan siber.",
        "vi": f"ASEAN và {partner} nhất trí khởi động {surface} nhằm chống tội phạm mạng.",
        "th": f"อาเซียนร่วมกับ{partner}เปิดตัว {surface} เพื่อต่อต้านอาชญากรรมไซเบอร์",
    }[lang]
    paragraphs = [
        f"{_dateline(lang, year, month, day)} {lead}",
        _quote(lang, honorific, name, title, partner),
    ]
    paragraphs += [FILLER[lang]] * rng.randint(6, 9)
    paragraphs.append(f"({index})")  # every text distinct, as real articles are
    if outlet:
        paragraphs.append(f"— {outlet}" if lang != "vi" else f"Theo {outlet}")
    text = (
        (rng.choice(FURNITURE) + "\n\n" if rng.random() < 0.3 else "")
        + "\n\n".join(paragraphs)
        + ("\n\n" + TAILS[lang] if rng.random() < 0.3 and TAILS[lang] else "")
    )
    file = f"{lang}_{index:07d}.txt"
    planted = Planted(
        file,
        lang,
        f"{year:04d}-{month:02d}-{day:02d}",
        outlet,
        name,
        code,
        surface,
        name_template.format(p=english_partner),
    )
    encoding = "utf-8"
    if lang in ("en", "ms", "id") and rng.random() < 0.15:
        encoding = "cp1252"
    elif rng.random() < 0.05:
        encoding = "utf-16"
    elif rng.random() < 0.05:
        encoding = "utf-8-sig"
    return text, encoding, planted


def generate(out: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` articles under ``out/raw`` and their gold to ``out/gold.jsonl``."""
    rng = random.Random(seed)
    raw = out / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    with (out / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for index in range(count):
            text, encoding, planted = article(index, rng)
            data = (
                codecs.BOM_UTF16_LE + text.encode("utf-16-le")
                if encoding == "utf-16"
                else text.encode(encoding, errors="replace")
            )
            (raw / planted.file).write_bytes(data)
            gold.write(
                json.dumps(
                    {
                        "file": planted.file,
                        "language": planted.language,
                        "date": planted.date,
                        "date_ok": [planted.date],
                        "source": [planted.source] if planted.source else [],
                        "speaker": [planted.speaker],
                        "partners": [planted.partner],
                        "initiatives": [
                            {"name": planted.initiative_name, "aliases": [planted.initiative]}
                        ],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
