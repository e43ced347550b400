-- Fixity audit events (PREMIS-like): every check of a replica, every failure found and every repair attempted.
-- Insert-only: the log is evidence, so UPDATE, DELETE and TRUNCATE are refused.
CREATE TABLE audit_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type      VARCHAR(32)  NOT NULL CHECK (event_type IN ('fixity-check', 'fixity-failure', 'repair', 'repair-failure')),
    object_id       UUID         NOT NULL REFERENCES archived_object (id),
    document_id     UUID         NOT NULL REFERENCES archived_document (id),
    location        VARCHAR(64)  NOT NULL,
    object_key      VARCHAR(512) NOT NULL,
    outcome         VARCHAR(16)  NOT NULL CHECK (outcome IN ('success', 'failure')),
    detail          TEXT,
    size_bytes      BIGINT,
    agent           TEXT         NOT NULL,
    audit_run       VARCHAR(64),
    occurred_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX audit_event_location_time ON audit_event (location, occurred_at);
CREATE INDEX audit_event_replica ON audit_event (object_id, location, id);
CREATE INDEX audit_event_run ON audit_event (audit_run, id);
-- The rolling audit picks the replicas whose last verification is oldest.
CREATE INDEX replica_verified_at ON replica (verified_at);

CREATE TRIGGER audit_event_insert_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_archived_row();
