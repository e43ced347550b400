-- Backup media: BagIt bags written to optical discs, hard disks and USB drives, the objects each one holds, and the
-- log of every use of a medium (the school regulations require one). A medium's record and contents are write-once;
-- a use is recorded when issued and completed once when returned.

CREATE TABLE backup_medium (
    id                     VARCHAR(64)  PRIMARY KEY,
    medium_type            VARCHAR(16)  NOT NULL CHECK (medium_type IN ('optical', 'hdd', 'usb')),
    contents               TEXT         NOT NULL,
    object_count           INT          NOT NULL,
    size_bytes             BIGINT       NOT NULL,
    written_by             TEXT         NOT NULL,
    written_at             TIMESTAMPTZ  NOT NULL,
    kept_at                TEXT,
    handed_to_director_at  TIMESTAMPTZ
);

-- Every object written to a medium, with the hash it had on the medium (the registry's hash when written).
CREATE TABLE backup_medium_object (
    medium_id   VARCHAR(64)  NOT NULL REFERENCES backup_medium (id),
    object_id   UUID         NOT NULL REFERENCES archived_object (id),
    object_key  VARCHAR(512) NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    PRIMARY KEY (medium_id, object_id)
);

-- The log of use: issued to whom, for what, when, returned when, and who recorded it.
CREATE TABLE backup_use (
    id                  UUID         PRIMARY KEY,
    medium_id           VARCHAR(64)  NOT NULL REFERENCES backup_medium (id),
    issued_to           TEXT         NOT NULL,
    purpose             TEXT         NOT NULL,
    issued_at           TIMESTAMPTZ  NOT NULL,
    recorded_by         TEXT         NOT NULL,
    returned_at         TIMESTAMPTZ,
    return_recorded_by  TEXT,
    CHECK (returned_at IS NULL OR returned_at >= issued_at)
);

-- A medium is out with at most one person at a time.
CREATE UNIQUE INDEX backup_use_one_open_per_medium ON backup_use (medium_id) WHERE returned_at IS NULL;
CREATE INDEX backup_use_medium ON backup_use (medium_id, issued_at);

-- What a medium holds never changes; of a medium only where it is kept and its handing to the director may be set,
-- the latter once.
CREATE TRIGGER backup_medium_object_write_once BEFORE UPDATE OR DELETE ON backup_medium_object
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();

CREATE FUNCTION refuse_change_of_backup_medium() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.medium_type <> OLD.medium_type OR NEW.contents <> OLD.contents
            OR NEW.object_count <> OLD.object_count OR NEW.size_bytes <> OLD.size_bytes
            OR NEW.written_by <> OLD.written_by OR NEW.written_at <> OLD.written_at
            OR (OLD.handed_to_director_at IS NOT NULL
                AND NEW.handed_to_director_at IS DISTINCT FROM OLD.handed_to_director_at) THEN
        RAISE EXCEPTION 'a backup medium''s record is write-once: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER backup_medium_write_once BEFORE UPDATE OR DELETE ON backup_medium
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_backup_medium();

-- A use is never deleted; only its return may be recorded, once.
CREATE FUNCTION refuse_change_of_backup_use() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.returned_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.medium_id <> OLD.medium_id
            OR NEW.issued_to <> OLD.issued_to OR NEW.purpose <> OLD.purpose OR NEW.issued_at <> OLD.issued_at
            OR NEW.recorded_by <> OLD.recorded_by THEN
        RAISE EXCEPTION 'the backup use log is append-only: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER backup_use_append_only BEFORE UPDATE OR DELETE ON backup_use
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_backup_use();
