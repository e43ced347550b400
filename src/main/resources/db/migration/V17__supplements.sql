-- Supplements after the close (archive-format/supplements.md): a re-close of a closed class period whose content
-- equals the latest frozen version except for exam (E), final (F) and year (Y) marks that were absent and are now
-- present. The journal is frozen as its next version in the same transaction as this record; the previous versions
-- stay. Both tables are insert-only. (snapshot_import_class.close_status has no CHECK constraint: the new status
-- SUPPLEMENTED needs no change there.)
CREATE TABLE journal_supplement (
    id                     UUID         PRIMARY KEY,
    import_id              UUID         NOT NULL REFERENCES snapshot_import (id),
    school_id              VARCHAR(64)  NOT NULL,
    academic_year          VARCHAR(9)   NOT NULL,
    class_id               VARCHAR(64)  NOT NULL,
    period_id              VARCHAR(2)   NOT NULL,
    supplement_number      INT          NOT NULL CHECK (supplement_number >= 1),
    old_version            INT          NOT NULL,
    new_version            INT          NOT NULL CHECK (new_version = old_version + 1),
    old_frozen_journal_id  UUID         NOT NULL REFERENCES frozen_journal (id),
    new_frozen_journal_id  UUID         NOT NULL UNIQUE REFERENCES frozen_journal (id),
    recorded_at            TIMESTAMPTZ  NOT NULL,
    mark_count             INT          NOT NULL CHECK (mark_count >= 1),
    UNIQUE (school_id, academic_year, class_id, period_id, new_version),
    UNIQUE (school_id, academic_year, class_id, period_id, supplement_number)
);

-- Each mark a supplement added, with who entered it and when, as the snapshot says.
CREATE TABLE journal_supplement_mark (
    supplement_id  UUID         NOT NULL REFERENCES journal_supplement (id),
    student_id     TEXT         NOT NULL,
    subject_id     TEXT         NOT NULL,
    kind           VARCHAR(1)   NOT NULL CHECK (kind IN ('E', 'F', 'Y')),
    value          TEXT         NOT NULL,
    entered_by     TEXT,
    entered_at     TEXT,
    PRIMARY KEY (supplement_id, student_id, subject_id, kind)
);

CREATE TRIGGER journal_supplement_insert_only BEFORE UPDATE OR DELETE ON journal_supplement
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER journal_supplement_no_truncate BEFORE TRUNCATE ON journal_supplement
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER journal_supplement_mark_insert_only BEFORE UPDATE OR DELETE ON journal_supplement_mark
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER journal_supplement_mark_no_truncate BEFORE TRUNCATE ON journal_supplement_mark
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
