#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume.
#
# The exporter reads through its own login role so a bug there cannot write.
# The gateway's first migration grants this role SELECT on every table and on
# tables created later; here we only make the role able to log in. If the volume
# already holds a database, this script does not run: create the role by hand
# (same statements) or remove the volume.
set -euo pipefail

: "${DOCMILL_READER_PASSWORD:?set DOCMILL_READER_PASSWORD for the docmill_reader role}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v reader_password="$DOCMILL_READER_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE docmill_reader LOGIN PASSWORD %L', :'reader_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'docmill_reader')
\gexec
-- Belt and braces: even a missing REVOKE somewhere cannot turn into a write.
ALTER ROLE docmill_reader SET default_transaction_read_only = on;
SQL
