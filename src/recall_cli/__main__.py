import sys

from recall_cli import hold_gc

hold_gc(sys.argv[1:])  # before the command line's imports: see `hold_gc`

from recall_cli.cli import main  # noqa: E402

main()
