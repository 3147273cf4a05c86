-- The vision step: documents whose registration fee the text did not give.

CREATE TABLE vision_runs (
    run_id       bigserial PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    stopped_at   timestamptz,
    finished_at  timestamptz,
    state        text NOT NULL DEFAULT 'running'  -- running | stopped | completed
);

ALTER TABLE documents
    -- NULL (not asked) | queued | dispatched | done | failed
    ADD COLUMN vision_status  text,
    ADD COLUMN vision_run_id  bigint REFERENCES vision_runs(run_id),
    ADD COLUMN vision_attempt integer NOT NULL DEFAULT 0,
    ADD COLUMN vision_reason  text;

CREATE INDEX documents_vision_idx ON documents (vision_status, vision_run_id);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'docmill_reader') THEN
        EXECUTE 'GRANT SELECT ON vision_runs TO docmill_reader';
    END IF;
END
$$;
