"""docmill exporter: sale-deed rows to Excel, CSV or JSON files in the object store."""
