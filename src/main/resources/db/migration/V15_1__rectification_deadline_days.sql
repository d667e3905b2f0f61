-- The source's "rectify within N days" (an inspection finding): the notice's deadline is proposed as
-- the day of the notice plus these days. Null when the team sets the deadline itself.
ALTER TABLE jd_rectification ADD COLUMN deadline_days INT;
