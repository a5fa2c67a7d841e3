"""The built wheel carries the data and nothing else: installed into a fresh virtualenv,
loaded from a directory outside the repository, every loader works offline.

The inner virtualenv does not see the base interpreter's packages (no
``system_site_packages``, which would show the interpreter the outer venv was made
from, not the outer venv). It gets the wheel's dependencies from the environment the
tests run in — installed from ``requirements.lock`` — through a ``.pth`` file naming
that environment's site-packages after its own: nothing is downloaded, and the
project's editable install there is not seen (``.pth`` files of an added path are not
read), so ``asean_cyber_data`` can only come from the wheel.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

from asean_cyber_data import __version__

from .conftest import ROOT, release_bytes

pytestmark = pytest.mark.slow

SCRIPT = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")
    socket.socket.connect = refuse  # loading must not touch the network
    import asean_cyber_data as acd
    assert acd.__file__.startswith(sys.argv[1]), acd.__file__
    records = acd.load_records()
    assert len(records) == 5
    assert acd.load_pandas().shape[0] == 5
    assert acd.load_arrow().num_rows == 5
    assert acd.load_hf().num_rows == 5
    from asean_cyber_data.validate import validate_release
    from asean_cyber_data.load import release_dir
    assert validate_release(release_dir()) == []
    print("OK", acd.__version__, acd.SCHEMA_VERSION)
""")

#: What the package part of the wheel may hold: code, data, the release (with its
#: gzipped off-topic listing), the schemas.
SHIPPED_SUFFIXES = {
    ".py", ".typed", ".yaml", ".json", ".jsonl", ".gz", ".md", ".parquet", ".arrow"
}  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), ROOT],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = dist.glob("asean_cyber_data-*.whl")
    return found


def _tracked(folder: str) -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", folder], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(listed.stdout.splitlines())


def test_the_wheel_holds_the_package_the_release_and_the_schemas_only(wheel: Path) -> None:
    assert wheel.name.startswith(f"asean_cyber_data-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/", 1)[0] for name in names}
    assert top == {"asean_cyber_data", f"asean_cyber_data-{__version__}.dist-info"}, top
    package = [n for n in names if n.startswith("asean_cyber_data/")]
    junk = [n for n in package if Path(n).suffix not in SHIPPED_SUFFIXES or "__pycache__" in n]
    assert junk == [], junk
    shipped_release = {
        n.removeprefix("asean_cyber_data/release/") for n in package if "/release/" in n
    }
    assert shipped_release == set(release_bytes(ROOT / "build")), "the wheel's release is build/"
    if (ROOT / ".git").exists():  # a checkout: exactly the tracked files, nothing left around
        code = {
            n
            for n in package
            if not n.startswith(("asean_cyber_data/release/", "asean_cyber_data/schema/"))
        }
        assert code == _tracked("asean_cyber_data")
        schemas = {
            n.removeprefix("asean_cyber_data/")
            for n in package
            if n.startswith("asean_cyber_data/schema/")
        }
        assert schemas == _tracked("schema")


def test_wheel_installs_and_loads_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    outer = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(purelib) / "_tests_outer_env.pth").write_text("\n".join(outer) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    installed = Path(purelib) / "asean_cyber_data"
    result = subprocess.run(
        [str(python), "-c", SCRIPT, str(installed)],
        capture_output=True,
        text=True,
        cwd=outside,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"OK {__version__}")

    # `schema write` of an installed package must not write into it.
    before = {p: p.stat().st_mtime_ns for p in installed.rglob("*")}
    command = env_dir / "bin" / "asean-cyber-data"
    refused = subprocess.run(
        [str(command), "schema", "write"], capture_output=True, text=True, cwd=outside
    )
    assert refused.returncode == 1
    (line,) = refused.stderr.strip().splitlines()
    assert line.startswith("error: schema write") and "--out" in line
    assert {p: p.stat().st_mtime_ns for p in installed.rglob("*")} == before
    written = subprocess.run(
        [str(command), "schema", "write", "--out", str(outside)], capture_output=True, text=True
    )
    assert written.returncode == 0, written.stderr
    assert list((outside / "v1").glob("record-*.schema.json"))
