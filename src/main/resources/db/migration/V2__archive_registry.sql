-- Journal Archive registry: received snapshots, frozen journals, archived documents, objects, replicas, retention.
-- Archived rows are write-once: triggers refuse UPDATE and DELETE of what was archived (immutability is the point).

-- Snapshots accepted by the import (rejected ones leave no row).
CREATE TABLE snapshot_import (
    id              UUID PRIMARY KEY,
    sha256          CHAR(64)     NOT NULL UNIQUE,
    school_id       VARCHAR(64)  NOT NULL,
    school_name     TEXT         NOT NULL,
    academic_year   VARCHAR(9)   NOT NULL,
    exported_at     VARCHAR(40)  NOT NULL,
    source_system   TEXT,
    source_file     TEXT,
    size_bytes      BIGINT       NOT NULL,
    raw_gzip        BYTEA        NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL
);

-- One row per class of an accepted snapshot: the class's journal, ready to freeze, and the state of its close.
CREATE TABLE snapshot_import_class (
    import_id       UUID         NOT NULL REFERENCES snapshot_import (id),
    class_id        VARCHAR(64)  NOT NULL,
    class_name      TEXT         NOT NULL,
    grade           INT          NOT NULL,
    period_id       VARCHAR(2)   NOT NULL,
    journal_json    BYTEA        NOT NULL,
    close_status    VARCHAR(32)  NOT NULL DEFAULT 'PENDING',
    close_message   TEXT,
    document_id     UUID,
    closed_at       TIMESTAMPTZ,
    PRIMARY KEY (import_id, class_id)
);

-- The frozen period journal of a class: canonical JSON (RFC 8785 over sorted arrays) and its SHA-256. Never changes.
CREATE TABLE frozen_journal (
    id              UUID PRIMARY KEY,
    school_id       VARCHAR(64)  NOT NULL,
    academic_year   VARCHAR(9)   NOT NULL,
    class_id        VARCHAR(64)  NOT NULL,
    period_id       VARCHAR(2)   NOT NULL,
    version         INT          NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    canonical_json  BYTEA        NOT NULL,
    frozen_at       TIMESTAMPTZ  NOT NULL,
    import_id       UUID         NOT NULL REFERENCES snapshot_import (id),
    UNIQUE (school_id, academic_year, class_id, period_id, version)
);

-- A refused re-close: the snapshot's content differs from the frozen journal.
CREATE TABLE retroactive_change (
    id                UUID PRIMARY KEY,
    frozen_journal_id UUID         NOT NULL REFERENCES frozen_journal (id),
    import_id         UUID         NOT NULL REFERENCES snapshot_import (id),
    incoming_sha256   CHAR(64)     NOT NULL,
    detected_at       TIMESTAMPTZ  NOT NULL,
    changes_json      TEXT         NOT NULL,
    change_count      INT          NOT NULL,
    UNIQUE (frozen_journal_id, import_id)
);

-- An archived document (e.g. a class journal of one class and period), one row per version.
CREATE TABLE archived_document (
    id                UUID PRIMARY KEY,
    document_type     VARCHAR(40)  NOT NULL,
    school_id         VARCHAR(64)  NOT NULL,
    academic_year     VARCHAR(9)   NOT NULL,
    class_id          VARCHAR(64)  NOT NULL,
    class_name        TEXT         NOT NULL,
    period_id         VARCHAR(2)   NOT NULL,
    version           INT          NOT NULL,
    frozen_journal_id UUID         NOT NULL REFERENCES frozen_journal (id),
    pdfa_flavour      VARCHAR(16)  NOT NULL,
    page_count        INT          NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    UNIQUE (document_type, school_id, academic_year, class_id, period_id, version)
);

-- The objects of a document: its PDF and the frozen canonical JSON it was rendered from.
CREATE TABLE archived_object (
    id              UUID PRIMARY KEY,
    document_id     UUID         NOT NULL REFERENCES archived_document (id),
    role            VARCHAR(32)  NOT NULL,
    object_key      VARCHAR(512) NOT NULL UNIQUE,
    media_type      VARCHAR(64)  NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (document_id, role)
);

-- A verified copy of an object in one storage location.
CREATE TABLE replica (
    object_id       UUID         NOT NULL REFERENCES archived_object (id),
    location        VARCHAR(64)  NOT NULL,
    object_key      VARCHAR(512) NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    stored_at       TIMESTAMPTZ  NOT NULL,
    verified_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (object_id, location)
);

-- The retention of a document: record class (retention-policies/*.yaml), term and the date it may be destroyed from.
CREATE TABLE document_retention (
    document_id                      UUID PRIMARY KEY REFERENCES archived_document (id),
    record_class                     VARCHAR(64) NOT NULL,
    term_years                       INT         NOT NULL,
    eligible_for_destruction_from    DATE        NOT NULL
);

CREATE INDEX archived_document_school_year ON archived_document (school_id, academic_year, period_id, class_id);
CREATE INDEX document_retention_eligible ON document_retention (eligible_for_destruction_from);

CREATE FUNCTION refuse_change_of_archived_row() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'archived rows of % are write-once: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER frozen_journal_write_once BEFORE UPDATE OR DELETE ON frozen_journal
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER archived_document_write_once BEFORE UPDATE OR DELETE ON archived_document
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER archived_object_write_once BEFORE UPDATE OR DELETE ON archived_object
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();

-- A replica's key and hash never change; only its last verification time does.
CREATE FUNCTION refuse_change_of_replica_identity() RETURNS trigger AS $$
BEGIN
    IF NEW.object_key <> OLD.object_key OR NEW.sha256 <> OLD.sha256 OR NEW.location <> OLD.location THEN
        RAISE EXCEPTION 'a replica''s location, key and hash are write-once'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER replica_identity_write_once BEFORE UPDATE ON replica
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_replica_identity();
