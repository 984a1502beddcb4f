"""Rule packs: YAML files of rules read safely (yamlio) and validated completely
(loader) into model.rules values, using the check kinds registry to validate options."""
