-- Destruction means the content is gone, from the database too (152-ФЗ): when a class journal is destroyed under an
-- executed act, its frozen canonical JSON, the imported class journals of that class and period, and an imported
-- snapshot all of whose classes are purged are emptied. Ids, hashes, dates and sizes stay: the registry's tombstone
-- still proves what was destroyed. A frozen journal stays write-once otherwise: the only change allowed is emptying its
-- content, and only once a tombstone exists for a document rendered from it.

CREATE FUNCTION refuse_change_of_frozen_journal() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
            AND length(NEW.canonical_json) = 0
            AND NEW.id = OLD.id AND NEW.school_id = OLD.school_id AND NEW.academic_year = OLD.academic_year
            AND NEW.class_id = OLD.class_id AND NEW.period_id = OLD.period_id AND NEW.version = OLD.version
            AND NEW.sha256 = OLD.sha256 AND NEW.frozen_at = OLD.frozen_at AND NEW.import_id = OLD.import_id
            AND EXISTS (SELECT 1 FROM archived_document d JOIN document_tombstone t ON t.document_id = d.id
                        WHERE d.frozen_journal_id = OLD.id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'archived rows of frozen_journal are write-once: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER frozen_journal_write_once ON frozen_journal;
CREATE TRIGGER frozen_journal_write_once BEFORE UPDATE OR DELETE ON frozen_journal
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_frozen_journal();
