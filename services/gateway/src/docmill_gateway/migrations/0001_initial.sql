-- docmill schema: the gateway is the only writer; the exporter reads through docmill_reader.

CREATE TABLE batches (
    batch_id               text PRIMARY KEY,
    batch_name             text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    status                 text NOT NULL DEFAULT 'pending',  -- pending | processing | completed
    processing_started_at  timestamptz,
    completed_at           timestamptz
);

-- One processing run per /api/process/start; stats describe the latest run.
CREATE TABLE runs (
    run_id                 bigserial PRIMARY KEY,
    started_at             timestamptz NOT NULL DEFAULT now(),
    stopped_at             timestamptz,
    finished_at            timestamptz,
    state                  text NOT NULL DEFAULT 'running',  -- running | stopped | completed
    config                 jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE documents (
    document_id            text PRIMARY KEY,
    batch_id               text NOT NULL REFERENCES batches(batch_id) ON DELETE CASCADE,
    seq                    bigserial,
    filename               text NOT NULL,
    object_name            text NOT NULL,
    sha256                 text NOT NULL,
    size_bytes             bigint NOT NULL,
    doc_type               text NOT NULL DEFAULT 'sale_deed',
    -- uploaded | queued | dispatched | ocr | extracting | vision | done | failed
    status                 text NOT NULL DEFAULT 'uploaded',
    run_id                 bigint REFERENCES runs(run_id),
    attempt                integer NOT NULL DEFAULT 0,
    failure_reason         text,
    failure_stage          text,
    transaction_date       date,
    registration_office    text,
    page_count             integer,
    text_sources           text[],
    backend                text,
    warnings               jsonb NOT NULL DEFAULT '[]'::jsonb,
    needs_vision           boolean NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    dispatched_at          timestamptz,
    finished_at            timestamptz
);
CREATE INDEX documents_status_idx ON documents (status, batch_id, seq);
CREATE INDEX documents_run_idx ON documents (run_id, status);
CREATE INDEX documents_created_idx ON documents (created_at);

CREATE TABLE property_details (
    id                           bigserial PRIMARY KEY,
    document_id                  text NOT NULL UNIQUE REFERENCES documents(document_id) ON DELETE CASCADE,
    schedule_b_area              double precision,
    schedule_c_property_name     text,
    schedule_c_property_address  text,
    schedule_c_property_area     double precision,
    paid_in_cash_mode            text,
    pincode                      text,
    state                        text,
    sale_consideration           double precision,
    stamp_duty_fee               double precision,
    registration_fee             double precision,
    guidance_value               double precision,
    registration_fee_page        integer,
    registration_fee_box         jsonb
);

-- Buyers (role 'B') and sellers (role 'S') in the order the deed lists them.
CREATE TABLE parties (
    id                       bigserial PRIMARY KEY,
    document_id              text NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    role                     char(1) NOT NULL CHECK (role IN ('B', 'S')),
    position                 integer NOT NULL,
    name                     text,
    gender                   text,
    aadhaar_number           text,
    pan_card_number          text,
    address                  text,
    pincode                  text,
    state                    text,
    phone_number             text,
    secondary_phone_number   text,
    email                    text,
    property_share           text,
    UNIQUE (document_id, role, position)
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'docmill_reader') THEN
        BEGIN
            CREATE ROLE docmill_reader NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot create role docmill_reader; grant read access by hand';
        END;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'docmill_reader') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA public TO docmill_reader';
        EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO docmill_reader';
        EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO docmill_reader';
    END IF;
END
$$;
