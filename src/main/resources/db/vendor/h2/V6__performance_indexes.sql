-- PostgreSQL gets an expression index for the duplicate check (db/vendor/postgresql); H2, the embedded
-- demonstration database, has no expression indexes and no data volume that would need one.
SELECT 1;
