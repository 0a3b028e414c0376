"""Frozen pydantic models, one module per kind of content."""
