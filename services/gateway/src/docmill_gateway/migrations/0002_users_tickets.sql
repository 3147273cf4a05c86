-- Seed-000 user and ticket surfaces, and memory of why a re-run document failed before.

-- rerun-failed clears failure_reason so the new attempt starts clean; the previous
-- reason stays here so users can still see why the document failed last time.
ALTER TABLE documents
    ADD COLUMN last_failure_reason  text,
    ADD COLUMN last_failure_stage   text;

-- No foreign key on batch_id: users fill this in before uploading, and the link made
-- afterwards may name a batch that was since deleted; it is a record, not a relation.
CREATE TABLE user_info (
    id                bigserial PRIMARY KEY,
    user_name         text NOT NULL,
    number_of_files   integer NOT NULL,
    file_region       text NOT NULL,
    date              timestamptz NOT NULL DEFAULT now(),
    batch_id          text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_info_user_idx ON user_info (user_name, created_at DESC, id DESC);

CREATE TABLE tickets (
    id                bigserial PRIMARY KEY,
    user_name         text NOT NULL,
    batch_id          text,
    error_type        text NOT NULL,
    description       text NOT NULL,
    status            text NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    -- Set on the first move to resolved or closed, never changed afterwards.
    resolved_at       timestamptz
);
