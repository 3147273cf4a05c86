"""docmill accuracy harness: generated documents through the real services, scored per field."""
