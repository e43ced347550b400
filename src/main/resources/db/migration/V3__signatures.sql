-- Signed renditions: a signed PDF is one more object of the same archived document (role 'signed-pdf'); the
-- unsigned rendition stays. Each signature is registered with what a verifier needs to know about it.
CREATE TABLE document_signature (
    object_id              UUID PRIMARY KEY REFERENCES archived_object (id),
    signer_subject         TEXT         NOT NULL,
    certificate_serial     VARCHAR(128) NOT NULL,
    certificate_sha256     CHAR(64)     NOT NULL,
    algorithm              VARCHAR(40)  NOT NULL,
    signing_time           TIMESTAMPTZ  NOT NULL,
    tsa                    TEXT         NOT NULL,
    signed_at              TIMESTAMPTZ  NOT NULL
);

CREATE TRIGGER document_signature_write_once BEFORE UPDATE OR DELETE ON document_signature
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
