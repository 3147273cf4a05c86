"""LLM plumbing shared by the extractor and the vision reader."""
