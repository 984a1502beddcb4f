from lawlint.cli.main import run

run()
