from drafter.cli import entry

entry()
