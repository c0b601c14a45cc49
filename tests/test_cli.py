import subprocess
import sys

from click.testing import CliRunner

from dashboard import __version__
from dashboard.cli import main


def test_validate_a_valid_dataset(mini_path):
    result = CliRunner().invoke(main, ["validate", str(mini_path)])
    assert result.exit_code == 0
    assert result.output.strip() == f"{mini_path}: valid (8 events, 4 themes, 3 eras, 2 judgements)"


def test_validate_prints_every_problem_and_exits_1(write_csv):
    path = write_csv("date,title,themes\n1954-13-01,A,x\n1950,,x\n")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "2 problems found:",
        '  events.csv line 2, column date: "1954-13-01" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD',
        "  events.csv line 3, column title: is empty; give every event a short headline",
    ]
    assert "Traceback" not in result.output


def test_usage_errors_exit_2():
    runner = CliRunner()
    assert runner.invoke(main, ["validate"]).exit_code == 2
    assert runner.invoke(main, ["serve", "--port", "0"]).exit_code == 2
    assert runner.invoke(main, ["no-such-command"]).exit_code == 2


def test_serve_refuses_an_invalid_dataset_before_starting(write_csv):
    result = CliRunner().invoke(main, ["serve", "--data", str(write_csv("date,title\n1950,A\n"))])
    assert result.exit_code == 1
    assert "has no themes column" in result.stderr


def test_help_lists_the_commands_and_options():
    runner = CliRunner()
    assert {"serve", "validate"} <= set(runner.invoke(main, ["--help"]).output.split())
    serve_help = runner.invoke(main, ["serve", "--help"]).output
    for option in ("--data", "--host", "--port", "--workers", "--debug"):
        assert option in serve_help
    assert runner.invoke(main, ["--version"]).output.strip() == f"alliance-timeline, version {__version__}"


def test_python_dash_m_is_the_same_command(mini_path):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(mini_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout == CliRunner().invoke(main, ["validate", str(mini_path)]).output
    usage = subprocess.run([sys.executable, "-m", "dashboard", "--help"], capture_output=True, text=True, check=True)
    assert usage.stdout.startswith("Usage: alliance-timeline")
