"""`python -m orchestrator` runs the `cutover` command."""

from orchestrator.cli import entry

entry()
