-- Disposition hardening. An act is cancelled only before the director's approval, as a draft or an agreed act: an
-- approved act is already a signed, permanent record in the registry and is executed or left as it is. A cancellation
-- records who, when and why. The trigger of V8 is replaced with the one change in the cancel rule.

CREATE OR REPLACE FUNCTION refuse_change_of_destruction_act() RETURNS trigger AS $$
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
            OR NEW.status = 'cancelled' AND OLD.status NOT IN ('draft', 'agreed', 'cancelled')
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

ALTER TABLE destruction_act ADD CONSTRAINT destruction_act_cancellation_recorded
    CHECK (status <> 'cancelled' OR (cancelled_by IS NOT NULL AND cancelled_at IS NOT NULL
                                     AND length(trim(cancel_reason)) > 0));
