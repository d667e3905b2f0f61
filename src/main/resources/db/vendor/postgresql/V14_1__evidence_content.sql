-- The bytes of each evidence file (V14__evidence.sql), apart from its record so that lists never read them.
CREATE TABLE jd_evidence_content (
    evidence_id BIGINT NOT NULL PRIMARY KEY REFERENCES jd_evidence (id),
    content     BYTEA  NOT NULL
);
