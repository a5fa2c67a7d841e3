"""``asean-cyber-data migrate``: a release written with an older schema, rewritten.

Records of an older minor version of the current major load with the new fields'
defaults (``split`` from the id); records of an older major pass through the
migrations registered in :mod:`asean_cyber_data.evolution`. The result is validated
and published like any build, with the current schema version.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from .evolution import migrate_record
from .layout import MANIFEST, RECORDS_JSONL, REJECTS_JSONL
from .ledger import Ledger
from .messages import UserError, plural
from .models import Record
from .publish import check_out, write_release
from .read import Reject
from .version import SCHEMA_VERSION


def migrate_release(release: Path, out: Path) -> str:
    """Write ``release`` (any readable older schema) as a current-schema release at ``out``.

    ``out`` must be missing, empty or a previous release, and apart from ``release``
    (:func:`publish.check_out`): the release being read is never replaced.
    """
    if not (release / MANIFEST).is_file():
        state = "no such folder" if not release.exists() else f"not a release (no {MANIFEST})"
        raise UserError(f"{release}: {state}")
    manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    found = str(manifest.get("schema_version"))
    out = check_out(out, [("the release", release)])
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.ledger-", dir=out.parent))
    ledger = Ledger(work / "ledger.sqlite")
    try:
        with (release / RECORDS_JSONL).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    ledger.add(Record.model_validate(migrate_record(json.loads(line), found)))
        rejects = release / REJECTS_JSONL
        if rejects.exists():
            for line in rejects.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    ledger.add(Reject(**json.loads(line)))
        write_release(out, ledger, str(manifest.get("extractor_version", "")))
    finally:
        ledger.close()
        shutil.rmtree(work, ignore_errors=True)
    records = plural(ledger.records, "record")
    return f"migrated {records} from schema {found} to {SCHEMA_VERSION} in {out}"
