"""Adapters that read files: the bundled reference data and the user's own files."""
