"""docmill vision worker: the registration-fee table on page images."""
