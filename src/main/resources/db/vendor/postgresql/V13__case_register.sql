-- The register (台账, /cases and GET /api/cases) finds cases by text that a case number, unit, person or the
-- facts contain anywhere ("幸福社区" in "北湖街道幸福社区居委会"). A B-tree cannot answer "contains".
--
-- Case numbers: a trigram index (pg_trgm, shipped with PostgreSQL and a trusted extension since 13, so the
-- database owner may create it) answers ILIKE '%00123%' for any fragment of three characters or more.
--
-- Chinese text: most names and words are two characters (李明, 口罩, 脱岗), and pg_trgm takes no trigram from a
-- two-character pattern, so such a search read every row (measured at 10,000 cases: 64 ms for "口罩", ten times
-- that at 100,000). These columns get a GIN index of their character pairs (bigrams, the usual way to index
-- Chinese without a word segmenter) instead: jd_bigrams(text) is every pair of neighbouring characters, and
-- "the text contains X" implies "its pairs include X's pairs", which the index answers; the ILIKE beside it in
-- the query (CaseRepository) keeps only the true hits. Terms of one character still read the rows.
-- Measured at 100,000 cases: bench/README.md, "The register".
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX jd_ix_case_number_trgm ON jd_case USING gin (case_number gin_trgm_ops);

CREATE FUNCTION jd_bigrams(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(DISTINCT lower(substr($1, i, 2))), '{}')
          FROM generate_series(1, char_length($1) - 1) AS i $$;

CREATE INDEX jd_ix_case_unit_bigrams ON jd_case USING gin (jd_bigrams(unit));
CREATE INDEX jd_ix_case_persons_involved_bigrams ON jd_case USING gin (jd_bigrams(persons_involved));
-- The facts are searched together: the expression is CaseRepository.FACTS, letter for letter.
CREATE INDEX jd_ix_case_facts_bigrams ON jd_case
    USING gin (jd_bigrams(title || ' ' || description || ' ' || coalesce(findings, '')));
CREATE INDEX jd_ix_case_person_name_bigrams ON jd_case_person USING gin (jd_bigrams(name));

-- The register's other order (最近更新), and the cases a person reported (part of what they may see).
CREATE INDEX ix_case_updated_at ON jd_case (updated_at);
CREATE INDEX ix_case_reported_by ON jd_case (reported_by);
