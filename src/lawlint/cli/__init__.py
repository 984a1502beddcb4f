"""The command line (click): main holds the commands, lintcmd and fixcmd the
check and --fix paths, authoring the rule-pack authoring commands."""
