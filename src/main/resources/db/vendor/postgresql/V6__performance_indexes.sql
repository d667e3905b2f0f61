-- Every report looks for an obvious duplicate among the open cases (CaseRepository.findOpenDuplicate):
-- same unit, compared case-insensitively. Without this index that is a scan of every case while the
-- year's number counter is locked; at 100,000 open cases it cost more than the rest of the report
-- (bench/README.md). Only open cases are indexed, so the index stays as small as the work in hand.
CREATE INDEX jd_ix_case_open_unit ON jd_case (LOWER(unit)) WHERE stage <> 'CLOSED';
