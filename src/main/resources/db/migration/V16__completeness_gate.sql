-- The completeness gate (issue 12): a class whose period has not ended by the export, or whose pupils lack the
-- period's final marks, is refused (snapshot_import_class.close_status REFUSED_PERIOD_NOT_ENDED /
-- REFUSED_MISSING_FINAL_MARKS: a VARCHAR(32) without a CHECK, nothing to alter). A deputy may close such a class only
-- explicitly: the override, with what was missing, the reason, who and when, is kept here. Insert-only; one per class
-- of an import.
CREATE TABLE close_override (
    import_id       UUID         NOT NULL REFERENCES snapshot_import (id),
    class_id        VARCHAR(64)  NOT NULL,
    class_name      TEXT         NOT NULL,
    period_id       VARCHAR(2)   NOT NULL,
    refused_status  VARCHAR(32)  NOT NULL,
    -- what was missing when the override was given: {"periodEnd", "exportedOn", "missing": [{studentId, studentName,
    -- subjectId, subjectName}]}
    missing_json    TEXT         NOT NULL,
    reason          TEXT         NOT NULL CHECK (btrim(reason) <> ''),
    overridden_by   TEXT         NOT NULL CHECK (btrim(overridden_by) <> ''),
    overridden_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (import_id, class_id)
);

CREATE TRIGGER close_override_insert_only BEFORE UPDATE OR DELETE ON close_override
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER close_override_no_truncate BEFORE TRUNCATE ON close_override
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
