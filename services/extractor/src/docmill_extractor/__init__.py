"""docmill extractor worker: structured data from page text."""
