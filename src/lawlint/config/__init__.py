"""Configuration: .lawlint.yaml found, read and resolved (loader), and the JSON
schema editors use for packs and configuration files (schema)."""
