from recall_cli.cli import main

main()
