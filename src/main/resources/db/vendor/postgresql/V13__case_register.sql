-- The register (台账, /cases and GET /api/cases) finds cases by text a case number, unit, person or the facts
-- contain, anywhere in them ("幸福社区" in "北湖街道幸福社区居委会"). A B-tree cannot answer "contains"; a
-- trigram index (pg_trgm, shipped with PostgreSQL, a trusted extension since 13: the database owner may
-- create it) answers LIKE/ILIKE '%…%' for any text of three characters or more. Trigrams of Chinese text
-- need a database whose LC_CTYPE classifies CJK characters as letters (any UTF-8 locale, e.g. zh_CN.UTF-8,
-- en_US.UTF-8 or C.UTF-8); under LC_CTYPE C the results stay right but every search reads the whole table.
-- Measured at 100,000 cases: bench/README.md, "The register".
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX jd_ix_case_number_trgm ON jd_case USING gin (case_number gin_trgm_ops);
CREATE INDEX jd_ix_case_unit_trgm ON jd_case USING gin (unit gin_trgm_ops);
CREATE INDEX jd_ix_case_persons_involved_trgm ON jd_case USING gin (persons_involved gin_trgm_ops);
CREATE INDEX jd_ix_case_title_trgm ON jd_case USING gin (title gin_trgm_ops);
CREATE INDEX jd_ix_case_description_trgm ON jd_case USING gin (description gin_trgm_ops);
CREATE INDEX jd_ix_case_findings_trgm ON jd_case USING gin (findings gin_trgm_ops);
CREATE INDEX jd_ix_case_person_name_trgm ON jd_case_person USING gin (name gin_trgm_ops);
-- The register's other order (最近更新), and the cases a person reported (part of what they may see).
CREATE INDEX ix_case_updated_at ON jd_case (updated_at);
CREATE INDEX ix_case_reported_by ON jd_case (reported_by);
