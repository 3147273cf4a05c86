-- The X-Request-ID of the upload travels with the document's jobs through every stage.
ALTER TABLE documents ADD COLUMN request_id text;
