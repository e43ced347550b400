-- The year close: summary statements of final marks (сводные ведомости итоговых отметок), the differences between
-- the year-end copies of earlier periods' final marks and the frozen ones, and the register of pupil extracts.
-- All write-once, like the rest of the archive.

-- A class's summary statement of one academic year as built from its frozen period journals (summary-statement/1).
CREATE TABLE summary_statement (
    id              UUID PRIMARY KEY,
    school_id       VARCHAR(64)  NOT NULL,
    academic_year   VARCHAR(9)   NOT NULL,
    class_id        VARCHAR(64)  NOT NULL,
    class_name      TEXT         NOT NULL,
    grade           INT          NOT NULL,
    version         INT          NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    canonical_json  BYTEA        NOT NULL,
    built_at        TIMESTAMPTZ  NOT NULL,
    UNIQUE (school_id, academic_year, class_id, version)
);

-- Which pupils (source-system ids) a statement lists: the archivist's way from a pupil to their statements.
CREATE TABLE summary_statement_pupil (
    statement_id    UUID         NOT NULL REFERENCES summary_statement (id),
    student_id      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (statement_id, student_id)
);

CREATE INDEX summary_statement_pupil_student ON summary_statement_pupil (student_id);

-- A year-end retroactive change: a later frozen journal of the year (e.g. the Q4 journal) carries a copy of an earlier
-- period's final mark that differs from that period's frozen journal. The statement keeps the frozen value.
CREATE TABLE year_end_change (
    id                UUID PRIMARY KEY,
    school_id         VARCHAR(64)  NOT NULL,
    academic_year     VARCHAR(9)   NOT NULL,
    class_id          VARCHAR(64)  NOT NULL,
    period_id         VARCHAR(2)   NOT NULL,
    frozen_journal_id UUID         NOT NULL REFERENCES frozen_journal (id),
    copy_journal_id   UUID         NOT NULL REFERENCES frozen_journal (id),
    detected_at       TIMESTAMPTZ  NOT NULL,
    changes_json      TEXT         NOT NULL,
    change_count      INT          NOT NULL,
    UNIQUE (frozen_journal_id, copy_journal_id)
);

CREATE INDEX year_end_change_class ON year_end_change (school_id, academic_year, class_id);

-- The register of issued pupil extracts (выписки итоговых отметок): who asked, why, when, for which pupil, from which
-- statements, and the signed PDF itself (the school keeps a copy of every certificate it issues).
CREATE TABLE pupil_extract (
    id              UUID PRIMARY KEY,
    number          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    school_id       VARCHAR(64)  NOT NULL,
    student_id      VARCHAR(64)  NOT NULL,
    purpose         TEXT         NOT NULL CHECK (length(trim(purpose)) > 0),
    requester       TEXT         NOT NULL CHECK (length(trim(requester)) > 0),
    issued_by       TEXT         NOT NULL,
    issued_at       TIMESTAMPTZ  NOT NULL,
    statements_json TEXT         NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    signer_subject  TEXT         NOT NULL,
    signing_time    TIMESTAMPTZ  NOT NULL,
    pdf             BYTEA        NOT NULL
);

CREATE INDEX pupil_extract_student ON pupil_extract (student_id);

CREATE TRIGGER summary_statement_write_once BEFORE UPDATE OR DELETE ON summary_statement
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER summary_statement_no_truncate BEFORE TRUNCATE ON summary_statement
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER summary_statement_pupil_write_once BEFORE UPDATE OR DELETE ON summary_statement_pupil
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER summary_statement_pupil_no_truncate BEFORE TRUNCATE ON summary_statement_pupil
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER year_end_change_write_once BEFORE UPDATE OR DELETE ON year_end_change
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER year_end_change_no_truncate BEFORE TRUNCATE ON year_end_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER pupil_extract_write_once BEFORE UPDATE OR DELETE ON pupil_extract
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER pupil_extract_no_truncate BEFORE TRUNCATE ON pupil_extract
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
