"""Shared worker runtime for docmill services."""
