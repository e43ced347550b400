-- Destruction of records whose term has expired: the act «Акт о выделении к уничтожению документов, не подлежащих
-- хранению» with its rows and the documents each row covers (frozen when drafted), its workflow (draft → agreed by
-- the expert commission → approved by the director → executing → executed, or cancelled before execution), the
-- insert-only destruction certificate (every object × location deleted), and the backup media that held destroyed
-- objects, flagged for physical destruction until the archivist confirms it.

CREATE TABLE destruction_act (
    id                   UUID         PRIMARY KEY,
    school_id            VARCHAR(64)  NOT NULL,
    act_year             INT          NOT NULL CHECK (act_year BETWEEN 2000 AND 2999),
    seq                  INT          NOT NULL CHECK (seq > 0),
    act_number           TEXT         NOT NULL,
    act_date             DATE         NOT NULL,
    organisation         TEXT         NOT NULL,
    basis                TEXT         NOT NULL CHECK (length(trim(basis)) > 0),
    status               VARCHAR(16)  NOT NULL CHECK (status IN ('draft', 'agreed', 'approved', 'executing', 'executed',
                                                                 'cancelled')),
    drafted_by           TEXT         NOT NULL,
    drafted_at           TIMESTAMPTZ  NOT NULL,
    protocol_number      TEXT,
    protocol_date        DATE,
    agreed_by            TEXT,
    agreed_at            TIMESTAMPTZ,
    approved_by          TEXT,
    approver_position    TEXT,
    approved_at          TIMESTAMPTZ,
    document_id          UUID         REFERENCES archived_document (id),
    execution_started_by TEXT,
    execution_started_at TIMESTAMPTZ,
    executed_by          TEXT,
    executed_at          TIMESTAMPTZ,
    cancelled_by         TEXT,
    cancelled_at         TIMESTAMPTZ,
    cancel_reason        TEXT,
    UNIQUE (school_id, act_year, seq),
    UNIQUE (school_id, act_number),
    CHECK (status = 'draft' OR status = 'cancelled' OR (protocol_number IS NOT NULL AND protocol_date IS NOT NULL
                                                        AND agreed_by IS NOT NULL)),
    CHECK (status NOT IN ('approved', 'executing', 'executed') OR approved_by IS NOT NULL),
    CHECK (status <> 'executed' OR executed_at IS NOT NULL)
);

-- An act moves forward only, and what an earlier step recorded never changes; an act is never deleted.
CREATE FUNCTION refuse_change_of_destruction_act() RETURNS trigger AS $$
DECLARE
    rank_old INT;
    rank_new INT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a destruction act is never deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    rank_old := array_position(ARRAY['draft', 'agreed', 'approved', 'executing', 'executed'], OLD.status::text);
    rank_new := array_position(ARRAY['draft', 'agreed', 'approved', 'executing', 'executed'], NEW.status::text);
    IF OLD.status IN ('executed', 'cancelled') AND NEW IS DISTINCT FROM OLD
            OR NEW.status = 'cancelled' AND OLD.status NOT IN ('draft', 'agreed', 'approved', 'cancelled')
            OR NEW.status <> 'cancelled' AND rank_new < rank_old
            OR NEW.id <> OLD.id OR NEW.school_id <> OLD.school_id OR NEW.act_year <> OLD.act_year
            OR NEW.seq <> OLD.seq OR NEW.act_number <> OLD.act_number OR NEW.act_date <> OLD.act_date
            OR NEW.organisation <> OLD.organisation OR NEW.basis <> OLD.basis OR NEW.drafted_by <> OLD.drafted_by
            OR NEW.drafted_at <> OLD.drafted_at
            OR (OLD.agreed_at IS NOT NULL AND (NEW.protocol_number IS DISTINCT FROM OLD.protocol_number
                OR NEW.protocol_date IS DISTINCT FROM OLD.protocol_date OR NEW.agreed_by IS DISTINCT FROM OLD.agreed_by
                OR NEW.agreed_at IS DISTINCT FROM OLD.agreed_at))
            OR (OLD.approved_at IS NOT NULL AND (NEW.approved_by IS DISTINCT FROM OLD.approved_by
                OR NEW.approver_position IS DISTINCT FROM OLD.approver_position
                OR NEW.approved_at IS DISTINCT FROM OLD.approved_at))
            OR (OLD.document_id IS NOT NULL AND NEW.document_id IS DISTINCT FROM OLD.document_id)
            OR (OLD.execution_started_at IS NOT NULL
                AND NEW.execution_started_at IS DISTINCT FROM OLD.execution_started_at) THEN
        RAISE EXCEPTION 'destruction act %: % → % refused (an act moves forward only; recorded steps are write-once)',
            OLD.act_number, OLD.status, NEW.status USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER destruction_act_forward_only BEFORE UPDATE OR DELETE ON destruction_act
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_destruction_act();
CREATE TRIGGER destruction_act_no_truncate BEFORE TRUNCATE ON destruction_act
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();

-- One row of the act's table, as drafted.
CREATE TABLE destruction_act_item (
    act_id              UUID         NOT NULL REFERENCES destruction_act (id),
    row_no              INT          NOT NULL CHECK (row_no > 0),
    record_class        VARCHAR(64)  NOT NULL,
    title               TEXT         NOT NULL,
    extreme_dates       TEXT         NOT NULL,
    inventories         TEXT         NOT NULL,
    nomenclature_index  TEXT         NOT NULL,
    file_count          INT          NOT NULL CHECK (file_count > 0),
    first_year          INT          NOT NULL,
    last_year           INT          NOT NULL,
    retention_text      TEXT         NOT NULL,
    note                TEXT         NOT NULL DEFAULT '',
    PRIMARY KEY (act_id, row_no)
);

-- The documents each row covers, frozen at draft time: execution never touches any other document.
CREATE TABLE destruction_act_document (
    act_id         UUID         NOT NULL REFERENCES destruction_act (id),
    row_no         INT          NOT NULL,
    document_id    UUID         NOT NULL REFERENCES archived_document (id),
    PRIMARY KEY (act_id, document_id),
    FOREIGN KEY (act_id, row_no) REFERENCES destruction_act_item (act_id, row_no)
);

CREATE INDEX destruction_act_document_document ON destruction_act_document (document_id);

-- A document whose destruction has begun (its act is executing): from this moment replication, the fixity audit,
-- verify, signing and backup export leave it alone, so that nothing copies back what is being deleted.
CREATE TABLE document_disposition (
    document_id    UUID         PRIMARY KEY REFERENCES archived_document (id),
    act_id         UUID         NOT NULL REFERENCES destruction_act (id),
    started_at     TIMESTAMPTZ  NOT NULL
);

-- Documents that are destroyed or being destroyed: every reader of the registry's objects skips them.
CREATE VIEW retired_document AS
    SELECT document_id FROM document_disposition
    UNION
    SELECT document_id FROM document_tombstone;

-- The destruction certificate: one row per object and location, written when the location confirmed the key holds
-- nothing (versions = how many stored versions that call deleted; 0 = already gone, e.g. after a restart).
CREATE TABLE destruction_certificate_entry (
    id             BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    act_id         UUID         NOT NULL REFERENCES destruction_act (id),
    document_id    UUID         NOT NULL REFERENCES archived_document (id),
    object_id      UUID         NOT NULL REFERENCES archived_object (id),
    role           VARCHAR(32)  NOT NULL,
    location       VARCHAR(64)  NOT NULL,
    object_key     VARCHAR(512) NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    versions       INT          NOT NULL,
    deleted_at     TIMESTAMPTZ  NOT NULL,
    deleted_by     TEXT         NOT NULL,
    UNIQUE (act_id, object_id, location)
);

-- A backup medium that holds objects of an executed act: flagged for physical destruction, confirmed once.
CREATE TABLE destruction_medium (
    act_id         UUID         NOT NULL REFERENCES destruction_act (id),
    medium_id      VARCHAR(64)  NOT NULL REFERENCES backup_medium (id),
    object_count   INT          NOT NULL,
    flagged_at     TIMESTAMPTZ  NOT NULL,
    confirmed_by   TEXT,
    confirmed_at   TIMESTAMPTZ,
    PRIMARY KEY (act_id, medium_id),
    CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
);

CREATE FUNCTION refuse_change_of_destruction_medium() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.confirmed_at IS NOT NULL OR NEW.act_id <> OLD.act_id
            OR NEW.medium_id <> OLD.medium_id OR NEW.object_count <> OLD.object_count
            OR NEW.flagged_at <> OLD.flagged_at THEN
        RAISE EXCEPTION 'a flagged medium is write-once except for its confirmation: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER destruction_act_item_write_once BEFORE UPDATE OR DELETE ON destruction_act_item
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER destruction_act_document_write_once BEFORE UPDATE OR DELETE ON destruction_act_document
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER document_disposition_write_once BEFORE UPDATE OR DELETE ON document_disposition
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER destruction_certificate_insert_only BEFORE UPDATE OR DELETE ON destruction_certificate_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER destruction_medium_confirm_once BEFORE UPDATE OR DELETE ON destruction_medium
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_destruction_medium();
CREATE TRIGGER destruction_act_item_no_truncate BEFORE TRUNCATE ON destruction_act_item
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER destruction_act_document_no_truncate BEFORE TRUNCATE ON destruction_act_document
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER document_disposition_no_truncate BEFORE TRUNCATE ON document_disposition
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER destruction_certificate_no_truncate BEFORE TRUNCATE ON destruction_certificate_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER destruction_medium_no_truncate BEFORE TRUNCATE ON destruction_medium
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
