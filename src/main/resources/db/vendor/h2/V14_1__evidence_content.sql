-- The bytes of each evidence file (V14__evidence.sql), apart from its record so that lists never read them.
-- BLOB: H2 keeps a large value out of the row instead of in memory as it would a VARBINARY.
CREATE TABLE jd_evidence_content (
    evidence_id BIGINT NOT NULL PRIMARY KEY REFERENCES jd_evidence (id),
    content     BLOB   NOT NULL
);
