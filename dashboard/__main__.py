"""``python -m dashboard`` is the ``alliance-timeline`` command."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="alliance-timeline")
