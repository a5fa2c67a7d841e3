"""The built wheel carries the data: installed into a fresh virtualenv, loaded from
a directory outside the repository, every loader works offline."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import socket
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")
    socket.socket.connect = refuse  # loading must not touch the network
    import asean_cyber_data as acd
    assert "site-packages" in acd.__file__, acd.__file__
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


def test_wheel_installs_and_loads_outside_the_repo(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(root),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(dist.glob("asean_cyber_data-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=True)
    python = env_dir / "bin" / "python"
    # The dependencies come from the interpreter running the tests, which may itself be a
    # virtualenv (whose packages "system site packages" does not see): its library
    # folders go on the new environment's path, after the wheel's own.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    parents = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "test-parent-packages.pth").write_text("\n".join(sorted(parents)) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [str(python), "-c", SCRIPT], capture_output=True, text=True, cwd=outside, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")
