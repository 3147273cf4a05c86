"""docmill's wire format: the one place messages, subjects and limits are written."""

SCHEMA_VERSION = 1
