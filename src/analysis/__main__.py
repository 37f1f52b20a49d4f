"""``python -m analysis`` runs the command-line interface."""

from analysis.report.cli import main

if __name__ == "__main__":
    main()
