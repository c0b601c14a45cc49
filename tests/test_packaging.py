"""A normal (non-editable) install ships the bundled dataset and finds it from anywhere."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_the_dataset_and_loads_it_from_another_directory(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("alliance_timeline-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for file in ("events.csv", "themes.csv", "eras.csv", "judgements.csv", "datapackage.json"):
        assert f"dashboard/bundled/us-japan-alliance/{file}" in names
    assert "dashboard/assets/style.css" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "alliance-timeline = dashboard.cli:main" in entry_points

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = "import dashboard; d = dashboard.load_dataset(); print(len(d.events), d.path)"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    count, path = result.stdout.split(maxsplit=1)
    assert int(count) >= 50
    assert Path(path.strip()).is_relative_to(target)
