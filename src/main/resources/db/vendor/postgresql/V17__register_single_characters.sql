-- The register's search for one character (a surname 李, a given name 强, 口 in the facts). The bigram indexes of
-- V13 hold character pairs, and pg_trgm takes nothing from a single character, so such a search read every row:
-- fast when the character is everywhere (the first page fills at once), a scan of the whole table when it is rare.
-- These indexes hold each text's distinct characters (unigrams); "the text contains X" implies "its characters
-- include X", which the index answers, and the ILIKE beside it in CaseRepository keeps the true hits, as for pairs.
-- The expressions are CaseRepository's, letter for letter (FACTS among them), so that the planner matches them.
CREATE FUNCTION jd_unigrams(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(DISTINCT lower(substr($1, i, 1))), '{}')
          FROM generate_series(1, char_length($1)) AS i $$;

CREATE INDEX jd_ix_case_unit_unigrams ON jd_case USING gin (jd_unigrams(unit));
CREATE INDEX jd_ix_case_persons_involved_unigrams ON jd_case USING gin (jd_unigrams(persons_involved));
CREATE INDEX jd_ix_case_facts_unigrams ON jd_case
    USING gin (jd_unigrams(title || ' ' || description || ' ' || coalesce(findings, '')));
CREATE INDEX jd_ix_case_person_name_unigrams ON jd_case_person USING gin (jd_unigrams(name));
