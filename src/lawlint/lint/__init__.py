"""Linting: the engine runs the checks on one document; suppression, fixes, results,
statistics; the runner, cache and fork pool run many files; workspace ties a run together."""
