"""docmill gateway: REST surface, PostgreSQL owner and dispatcher."""
