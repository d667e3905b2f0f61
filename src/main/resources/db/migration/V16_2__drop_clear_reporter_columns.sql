-- The reporter's identity is stored only sealed (V16, V16_1): the clear columns go, so no code can write them.
ALTER TABLE jd_case DROP COLUMN reporter_name;
ALTER TABLE jd_case DROP COLUMN reporter_phone;
ALTER TABLE jd_case DROP COLUMN reporter_email;
