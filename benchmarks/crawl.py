"""The crawl benchmark: a news-crawl dump where 95% of the articles are off-topic.

``generate_crawl`` writes one JSONL file (a media-monitoring dump: one article a line,
``id``, ``url``, ``text``) of invented articles in the ten shipped languages: 5% on-topic
(ASEAN cyber cooperation), 95% off-topic — mostly ordinary news (sport, markets, weather,
culture, politics) and the hard kinds of the annotation guidelines: ASEAN meetings with
no cyber element, domestic cyber arrests, cyber dialogues with no ASEAN party, vendor
threat reports. Every text is generated from the templates below (no development text).

``run`` builds it end to end with ``asean-cyber-data build --workers 2`` and measures
articles per second and peak RSS of the whole process tree, for each crawl size, and
"today's rate": the same command with ``--keep-off-topic``, which extracts every article
fully, as every build did before the gate and the relevance stage existed.

    python benchmarks/crawl.py --sizes 10000 100000 --json benchmarks/results-crawl.json

The numbers depend on the machine and its load: rerun on a quiet machine to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _build

ON_TOPIC_SHARE = 0.05
#: Shares of the off-topic kinds (the rest is ordinary news).
HARD_SHARES = {"asean_no_cyber": 0.04, "domestic": 0.03, "no_asean": 0.02, "vendor": 0.01}
LANGUAGES = ("en", "en", "en", "ms", "id", "vi", "th", "tl", "km", "lo", "my", "fr")

NEWS = {
    "en": [
        "The national football team beat its rivals 2-1 on {day} night, with a late goal from "
        "the substitute striker sending thousands of fans into the streets of the capital.",
        "Shares closed higher on {day} as investors welcomed lower fuel prices, with banks and "
        "property developers leading the gains on the main board.",
        "Heavy rain is expected across the northern provinces until {day}, the weather office "
        "said, warning residents of low-lying villages to prepare for flooding.",
        "The city's film festival opened on {day} with a restored classic and a programme of "
        "forty new features from young directors across the country.",
        "Parliament debated the annual budget on {day}, with opposition members questioning "
        "the cost of new highways and the pace of school construction.",
    ],
    "ms": [
        "Pasukan bola sepak negara menewaskan pasukan lawan 2-1 pada malam {day}, dengan "
        "jaringan lewat penyerang gantian menggembirakan ribuan penyokong di ibu negara.",
        "Harga saham ditutup lebih tinggi pada hari {day} apabila pelabur menyambut baik "
        "penurunan harga minyak, diterajui saham bank dan hartanah.",
        "Hujan lebat dijangka melanda negeri-negeri utara sehingga hari {day}, menurut jabatan "
        "meteorologi yang menasihati penduduk kampung rendah supaya bersiap sedia.",
    ],
    "id": [
        "Tim nasional sepak bola mengalahkan lawannya 2-1 pada {day} malam, dan gol di menit "
        "akhir membuat ribuan suporter turun ke jalan di ibu kota.",
        "Indeks saham ditutup menguat pada {day} setelah investor menyambut turunnya harga "
        "bahan bakar, dipimpin saham perbankan dan properti.",
        "Hujan deras diperkirakan melanda provinsi di utara hingga {day}, kata badan "
        "meteorologi, yang meminta warga di dataran rendah bersiap menghadapi banjir.",
    ],
    "vi": [
        "Đội tuyển bóng đá quốc gia đã thắng đối thủ 2-1 vào tối {day}, bàn thắng muộn của "
        "tiền đạo dự bị khiến hàng nghìn cổ động viên xuống đường ăn mừng.",
        "Thị trường chứng khoán đóng cửa tăng điểm vào {day} khi nhà đầu tư đón nhận giá "
        "xăng dầu giảm, dẫn dắt bởi nhóm ngân hàng và bất động sản.",
        "Mưa lớn được dự báo tại các tỉnh miền núi phía Bắc đến {day}, cơ quan khí tượng "
        "khuyến cáo người dân vùng trũng chủ động phòng tránh lũ.",
    ],
    "th": [
        "ทีมฟุตบอลทีมชาติเอาชนะคู่แข่ง 2-1 เมื่อคืนวัน{day} ประตูในช่วงท้ายเกมทำให้แฟนบอลหลายพันคนออกมาฉลองบนถนน",
        "ตลาดหุ้นปิดบวกเมื่อวัน{day} นักลงทุนตอบรับราคาน้ำมันที่ลดลง โดยมีหุ้นกลุ่มธนาคารและอสังหาริมทรัพย์นำตลาด",
        "กรมอุตุนิยมวิทยาคาดว่าฝนจะตกหนักในภาคเหนือจนถึงวัน{day} และเตือนประชาชนในพื้นที่ลุ่มให้เตรียมรับมือน้ำท่วม",
    ],
    "tl": [
        "Tinalo ng pambansang koponan ng football ang karibal nito, 2-1, noong gabi ng {day}, "
        "at nagdiwang sa mga lansangan ang libu-libong tagahanga.",
        "Nagsara nang mas mataas ang merkado noong {day} matapos tanggapin ng mga mamumuhunan "
        "ang pagbaba ng presyo ng langis.",
    ],
    "km": [
        "ក្រុមបាល់ទាត់ជម្រើសជាតិបានយកឈ្នះគូប្រកួត ២-១ កាលពីយប់ថ្ងៃ{day} "
        "ហើយអ្នកគាំទ្ររាប់ពាន់នាក់បានចេញមកអបអរតាមដងផ្លូវ។",
        "ភ្លៀងធ្លាក់ខ្លាំងត្រូវបានព្យាករថានឹងកើតមានលើខេត្តភាគខាងជើងរហូតដល់ថ្ងៃ{day}។",
    ],
    "lo": [
        "ທີມຊາດບານເຕະເອົາຊະນະຄູ່ແຂ່ງ 2-1 ໃນຄືນວັນ{day} ແລະ ແຟນບານຫຼາຍພັນຄົນໄດ້ອອກມາສະເຫຼີມສະຫຼອງ.",
        "ຄາດວ່າຝົນຈະຕົກໜັກຢູ່ແຂວງພາກເໜືອຈົນຮອດວັນ{day}.",
    ],
    "my": [
        "အမျိုးသားဘောလုံးအသင်းသည် {day} ညက ပြိုင်ဘက်အသင်းကို ၂-၁ ဖြင့် အနိုင်ရခဲ့ပြီး ပရိသတ်ထောင်ချီ လမ်းပေါ်ထွက်ခဲ့ကြသည်။",
        "မြောက်ပိုင်းဒေသများတွင် {day} အထိ မိုးသည်းထန်စွာ ရွာသွန်းမည်ဟု မိုးလေဝသဌာနက ခန့်မှန်းသည်။",
    ],
    "fr": [
        "L'équipe nationale de football a battu son rival 2-1 {day} soir, un but tardif "
        "envoyant des milliers de supporters dans les rues de la capitale.",
        "La Bourse a clôturé en hausse {day}, les investisseurs saluant la baisse des prix "
        "du carburant, emmenés par les banques et l'immobilier.",
    ],
}
DAYS = {
    "en": ["Monday", "Tuesday", "Friday"],
    "ms": ["Isnin", "Selasa", "Jumaat"],
    "id": ["Senin", "Selasa", "Jumat"],
    "vi": ["thứ Hai", "thứ Ba", "thứ Sáu"],
    "th": ["จันทร์", "อังคาร", "ศุกร์"],
    "tl": ["Lunes", "Martes", "Biyernes"],
    "km": ["ច័ន្ទ", "អង្គារ", "សុក្រ"],
    "lo": ["ຈັນ", "ອັງຄານ", "ສຸກ"],
    "my": ["တနင်္လာနေ့", "အင်္ဂါနေ့", "သောကြာနေ့"],
    "fr": ["lundi", "mardi", "vendredi"],
}
#: The hard off-topic kinds and the on-topic article, in English and Vietnamese (the
#: gate and the relevance stage see them in a language with and without a home country).
HARD = {
    "asean_no_cyber": {
        "en": "ASEAN economic ministers met their Japanese counterparts on {day} to discuss "
        "tariffs, rice supply chains and a new trade facilitation agreement for the region.",
        "vi": "Các bộ trưởng kinh tế ASEAN đã gặp người đồng cấp Nhật Bản vào {day} để thảo "
        "luận về thuế quan, chuỗi cung ứng gạo và hiệp định tạo thuận lợi thương mại mới.",
    },
    "domestic": {
        "en": "Police arrested 40 suspects in a raid on an online scam syndicate on {day}, "
        "the state police chief said, adding that victims lost two million through phishing.",
        "vi": "Công an tỉnh đã bắt giữ 40 đối tượng lừa đảo trực tuyến vào {day}, chiếm đoạt "
        "hai tỷ đồng của người dân qua tin nhắn giả mạo, người phát ngôn cho biết.",
    },
    "no_asean": {
        "en": "The European Union and Japan held their fifth cyber dialogue on {day} and agreed "
        "to cooperate on ransomware and information sharing between their response teams.",
        "vi": "Liên minh châu Âu và Nhật Bản tổ chức đối thoại về an ninh mạng lần thứ năm vào "
        "{day}, nhất trí hợp tác ứng phó mã độc tống tiền.",
    },
    "vendor": {
        "en": "A security firm said in a threat report on {day} that phishing attacks rose 20 "
        "percent, with Indonesia, Vietnam and the Philippines the most targeted countries.",
        "vi": "Một hãng bảo mật cho biết trong báo cáo về mối đe dọa công bố {day} rằng các vụ "
        "tấn công lừa đảo tăng 20%, nhiều nhất tại Indonesia, Việt Nam và Philippines.",
    },
    "on_topic": {
        "en": "ASEAN and Japan agreed on {day} to deepen cooperation against cybercrime and "
        "online scams, signing a memorandum of understanding on cybersecurity training.",
        "vi": "Việt Nam và Nhật Bản nhất trí vào {day} tăng cường hợp tác an ninh mạng và phòng, "
        "chống tội phạm mạng, ký bản ghi nhớ về đào tạo chuyên gia.",
    },
}


def article(index: int, rng: random.Random) -> dict[str, str]:
    """One crawl line: its kind decides the lead paragraph; news paragraphs fill it out."""
    draw = rng.random()
    kind = "news"
    if draw < ON_TOPIC_SHARE:
        kind = "on_topic"
    else:
        edge = ON_TOPIC_SHARE
        for name, share in HARD_SHARES.items():
            edge += share
            if draw < edge:
                kind = name
                break
    if kind == "news":
        lang = rng.choice(LANGUAGES)
        lead = rng.choice(NEWS[lang])
    else:
        lang = rng.choice(("en", "en", "vi"))
        lead = HARD[kind][lang]
    day = rng.choice(DAYS[lang])
    paragraphs = [lead.format(day=day)]
    paragraphs += [rng.choice(NEWS[lang]).format(day=rng.choice(DAYS[lang])) for _ in range(7)]
    paragraphs.append(f"({index})")  # every text distinct, as real articles are
    return {
        "id": f"c{index:08d}",
        "url": f"https://news.example/{lang}/{index}",
        "kind": kind,
        "text": "\n\n".join(paragraphs),
    }


def generate_crawl(out: Path, count: int, seed: int = 11) -> Path:
    """``out/raw/crawl.jsonl`` with ``count`` articles; returns the raw folder."""
    rng = random.Random(seed)
    raw = out / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    with (raw / "crawl.jsonl").open("w", encoding="utf-8") as handle:
        for index in range(count):
            handle.write(json.dumps(article(index, rng), ensure_ascii=False) + "\n")
    return raw


def _crawl(workdir: Path, size: int) -> Path:
    corpus = workdir / f"crawl-{size}"
    dump = corpus / "raw" / "crawl.jsonl"
    if not dump.exists() or sum(1 for _ in dump.open(encoding="utf-8")) != size:
        shutil.rmtree(corpus, ignore_errors=True)
        generate_crawl(corpus, size)
    return corpus / "raw"


def _measured_build(raw: Path, out: Path, *extra: str) -> tuple[float, int, float]:
    """Wall seconds, peak RSS of the process tree, and CPU seconds of the whole tree
    (the build and its workers): CPU time is what a loaded machine does not inflate."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, peak = _build(raw, out, *extra)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, peak, cpu


def bench(size: int, workdir: Path, baseline: bool) -> dict[str, Any]:
    raw = _crawl(workdir, size)
    kinds: dict[str, int] = {}
    on_topic: set[str] = set()
    for line in (raw / "crawl.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
        if item["kind"] == "on_topic":
            on_topic.add(item["id"])
    out = workdir / f"crawl-release-{size}"
    cache = workdir / f"crawl-cache-{size}.sqlite"
    cache.unlink(missing_ok=True)
    load = os.getloadavg()[0]
    seconds, peak, cpu = _measured_build(raw, out, "--workers", "2", "--cache", str(cache))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    kept: set[str] = set()
    copied: set[str] = set()  # kept as a copy of a record (the generated texts repeat)
    with (out / "records.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            kept.add(record["id"])
            copied.update(copy["id"] for copy in record.get("copies") or ())
    with (out / "rejects.jsonl").open(encoding="utf-8") as handle:
        reasons = [json.loads(line)["reason"] for line in handle]
    result: dict[str, Any] = {
        "size": size,
        "bytes": (raw / "crawl.jsonl").stat().st_size,
        "kinds": kinds,
        "load_average_before": load,
        "build_s": seconds,
        "articles_per_s": size / seconds,
        "cpu_s": cpu,
        "articles_per_cpu_s": size / cpu,
        "peak_rss_mb": peak / 2**20,
        "records": manifest["record_count"],
        "off_topic": manifest["off_topic_count"],
        "rejects": manifest["reject_count"],
        "copies": reasons.count("near_duplicate_of"),
        "off_topic_listing_bytes": (out / "off_topic.jsonl.gz").stat().st_size,
        "planted_precision": len(kept & on_topic) / len(kept) if kept else 0.0,
        "planted_recall": len((kept | copied) & on_topic) / len(on_topic) if on_topic else 1.0,
    }
    if baseline:
        seconds, peak, cpu = _measured_build(
            raw, workdir / f"crawl-all-{size}", "--workers", "2", "--no-cache", "--keep-off-topic"
        )
        result.update(
            every_article_extracted_s=seconds,
            every_article_extracted_per_s=size / seconds,
            every_article_extracted_cpu_s=cpu,
            every_article_extracted_peak_rss_mb=peak / 2**20,
            speedup=result["articles_per_s"] / (size / seconds),
            cpu_speedup=cpu / result["cpu_s"],
        )
    return result


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "articles | build --workers 2 | articles/s | CPU s (tree) | articles per CPU s | "
        "peak RSS | records / off-topic | listing | every article extracted (before) | "
        "speed-up (wall / CPU)",
        "---|---|---|---|---|---|---|---|---|---",
    ]
    for r in results:
        before = (
            f"{r['every_article_extracted_per_s']:.0f}/s"
            if "every_article_extracted_per_s" in r
            else "–"
        )
        speedup = f"{r['speedup']:.1f}× / {r['cpu_speedup']:.1f}×" if "speedup" in r else "–"
        lines.append(
            f"{r['size']:,} | {r['build_s']:.1f} s | {r['articles_per_s']:,.0f} | "
            f"{r['cpu_s']:.1f} | {r['articles_per_cpu_s']:,.0f} | "
            f"{r['peak_rss_mb']:.0f} MB | {r['records']:,} / {r['off_topic']:,} | "
            f"{r['off_topic_listing_bytes'] / 1024:.0f} KB | {before} | {speedup}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/asean-cyber-data-crawl"))
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument(
        "--baseline-limit",
        type=int,
        default=10_000,
        help="also time full extraction of every article (--keep-off-topic) up to this size",
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        started = time.perf_counter()
        results.append(bench(size, args.workdir, size <= args.baseline_limit))
        print(table(results[-1:]), f"(measured in {time.perf_counter() - started:.0f} s)")
    print()
    print(table(results))
    if args.json:
        machine = {
            "cores": os.cpu_count(),
            "python": sys.version.split()[0],
            "load_average": os.getloadavg(),
        }
        args.json.write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
