-- The register (台账, /cases and GET /api/cases): its other order (最近更新) and the cases a person reported
-- (part of what they may see). Text searches ("contains") read the rows on H2, the embedded demonstration
-- database; PostgreSQL answers them from trigram indexes (db/vendor/postgresql/V13).
CREATE INDEX ix_case_updated_at ON jd_case (updated_at);
CREATE INDEX ix_case_reported_by ON jd_case (reported_by);
