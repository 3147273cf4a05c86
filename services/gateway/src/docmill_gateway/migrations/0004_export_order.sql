-- The exporter selects done documents in upload order and slices them by index.
CREATE INDEX documents_done_order_idx ON documents (created_at, seq) WHERE status = 'done';
