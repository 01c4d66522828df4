"""One module per resource the mock emulates, each with its own state and its operations."""
