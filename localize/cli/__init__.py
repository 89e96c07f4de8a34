"""The `localize` command line."""
