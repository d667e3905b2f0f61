-- An Idempotency-Key belongs to the caller who sent it. Unique across all callers, a second person who
-- chose the same key was answered with the first person's case (or a 409 naming it): a case number and
-- the fact of a report leaked between reporters. Now each reporter's keys are independent.
ALTER TABLE jd_case DROP CONSTRAINT uq_case_idempotency_key;
ALTER TABLE jd_case ADD CONSTRAINT uq_case_reporter_idempotency_key UNIQUE (reported_by, idempotency_key);
