"""Year-over-year comparison of two annual reports (issue 16): plan tracing and reused text."""
