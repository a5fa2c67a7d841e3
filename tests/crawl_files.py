"""Invented articles and writers of real crawl files (WARC, compressed JSONL, Parquet).

The WARC files are written with FastWARC, the library the build reads them with; the
articles are distinct stories in several languages (none a copy of another).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

ARTICLES = [
    (
        "en",
        "KUALA LUMPUR, 12 March 2024 — Malaysia and Japan will expand cybersecurity training "
        "under the ASEAN-Japan Cybersecurity Capacity Building Centre, Communications Minister "
        "Fahmi Fadzil said today.\n\nHe said Japan had funded courses for 800 officers since "
        "the centre opened in Bangkok. — BERNAMA",
    ),
    (
        "vi",
        "Hà Nội, ngày 5/6/2023 - Việt Nam và Nhật Bản nhất trí tăng cường hợp tác an ninh mạng, "
        "Thứ trưởng Bộ Công an Nguyễn Văn Long cho biết.\n\nHai bên sẽ trao đổi thông tin về "
        "tội phạm công nghệ cao và tổ chức diễn tập chung. Theo TTXVN",
    ),
    (
        "ms",
        "PUTRAJAYA, 3 Januari 2025 — Malaysia dan Korea Selatan menandatangani memorandum "
        "persefahaman mengenai keselamatan siber, kata Menteri Digital Gobind Singh Deo.\n\n"
        "Kedua-dua negara akan berkongsi maklumat ancaman dan melatih pegawai penguatkuasaan. "
        "— BERNAMA",
    ),
    (
        "id",
        "JAKARTA, 20 Agustus 2024 — Indonesia dan Australia sepakat memperkuat kerja sama "
        "pemberantasan penipuan daring, kata Kepala BSSN Hinsa Siburian.\n\nKedua negara akan "
        "menggelar pelatihan bersama bagi penyidik kejahatan siber tahun depan. (ANTARA)",
    ),
    (
        "en",
        "MANILA, 8 May 2023 — The Philippines and the United States held their first bilateral "
        "dialogue on countering ransomware, Information Secretary Ivan John Uy said on "
        "Monday.\n\nThe two sides agreed to share indicators of compromise between their "
        "national computer emergency response teams. — Philippine News Agency",
    ),
    (
        "en",
        "PHNOM PENH, 14 November 2022 — Cambodia and China signed an agreement on combating "
        "online gambling fraud and telecom scams, Interior Minister Sar Kheng said.\n\nPolice "
        "of both countries will set up a joint hotline for victims of cross-border scams.",
    ),
]


def html_page(title: str, body: str, date: str | None = None) -> str:
    """A news page with furniture around the article."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{title}</title>{meta}</head><body>"
        "<nav>Home | World | Business | Sport</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>© News Online. All rights reserved.</footer></body></html>"
    )


def write_warc(path: Path, pages: list[dict[str, Any]], gzip_members: bool = True) -> None:
    """A WARC file as a crawler writes it: warcinfo, then request + response + metadata per
    page. Each page: ``url``, ``date`` (WARC-Date), ``body`` (bytes), and optionally
    ``status`` (default 200), ``content_type`` (default text/html; charset=utf-8) and
    ``revisit`` (a revisit record instead of a response)."""
    from fastwarc.stream_io import GzipWriter
    from fastwarc.warc import WarcRecord, WarcRecordType

    counter = iter(range(1, 1_000_000))

    def record(kind: Any, url: str | None, date: str, block: bytes, ctype: str) -> Any:
        item = WarcRecord()
        urn = f"uuid:00000000-0000-4000-8000-{next(counter):012d}".encode()
        item.init_headers(kind, record_urn=urn)
        if url:
            item.headers["WARC-Target-URI"] = url
        item.headers["WARC-Date"] = date
        item.headers["Content-Type"] = ctype
        item.set_bytes_content(block)
        return item

    with path.open("wb") as handle:
        writer: Any = GzipWriter(handle) if gzip_members else handle

        def put(item: Any) -> None:
            item.write(writer)
            if gzip_members:
                writer.finish()  # one gzip member per record, as crawlers write them

        put(
            record(
                WarcRecordType.warcinfo,
                None,
                "2024-03-12T00:00:00Z",
                b"software: test-crawler\r\n",
                "application/warc-fields",
            )
        )
        for page in pages:
            url, date = page["url"], page["date"]
            put(
                record(
                    WarcRecordType.request,
                    url,
                    date,
                    f"GET {url} HTTP/1.1\r\nHost: example\r\n\r\n".encode(),
                    "application/http; msgtype=request",
                )
            )
            status = page.get("status", 200)
            ctype = page.get("content_type", "text/html; charset=utf-8")
            http = (
                f"HTTP/1.1 {status} OK\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(page['body'])}\r\n\r\n"
            ).encode() + page["body"]
            kind = WarcRecordType.revisit if page.get("revisit") else WarcRecordType.response
            put(record(kind, url, date, http, "application/http; msgtype=response"))
            put(
                record(
                    WarcRecordType.metadata,
                    url,
                    date,
                    b"fetchTimeMs: 120\r\n",
                    "application/warc-fields",
                )
            )
        if gzip_members:
            writer.close()


def write_jsonl(path: Path, items: list[dict[str, Any]], extra_lines: tuple[str, ...] = ()) -> None:
    """A JSONL dump, gzip- or zstandard-compressed by the file name's ending."""
    lines = [json.dumps(item, ensure_ascii=False) for item in items] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data, mtime=0))
    elif path.name.endswith(".zst"):
        import zstandard

        path.write_bytes(zstandard.ZstdCompressor().compress(data))
    else:
        path.write_bytes(data)


def write_parquet(path: Path, columns: dict[str, list[Any]], row_group_size: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
