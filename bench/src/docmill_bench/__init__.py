"""docmill benchmarks."""
