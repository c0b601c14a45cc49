"""The README and the data contract stay true to the code."""

import re
from pathlib import Path

from click.testing import CliRunner

from dashboard import load_dataset
from dashboard.cli import main
from dashboard.model import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRACT = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_every_cli_option_is_documented():
    for command in ("serve", "validate"):
        help_text = CliRunner().invoke(main, [command, "--help"]).output
        for option in set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help"}:
            assert option in README, f"{command} {option} is not in the README"


def test_every_contract_column_is_documented():
    for column in EVENT_COLUMNS:
        assert f"| `{column}` |" in CONTRACT


def test_contract_examples_load(tmp_path):
    for position, block in enumerate(code_blocks(CONTRACT, "csv") + code_blocks(README, "csv")):
        path = tmp_path / f"example-{position}.csv"
        path.write_text(block, encoding="utf-8")
        dataset = load_dataset(path)
        assert len(dataset.events) == block.count("\n") - 1


def test_readme_counts_match_the_bundled_dataset(bundled):
    assert f"holds {len(bundled.events)} events" in README
    assert "in seven themes and five\neras" in README and len(bundled.themes) == 7 and len(bundled.eras) == 5


def test_quick_start_is_exactly_two_commands():
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line for block in code_blocks(quick_start, "sh") for line in block.splitlines() if line.strip()]
    assert [command.split("#")[0].strip() for command in commands] == ["./dev serve", "./dev test"]
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("exec ./dev test")
