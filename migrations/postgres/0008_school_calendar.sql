-- A secret per elder for the read-only timetable calendar (.ics) that phones subscribe to;
-- calendar apps cannot log in, so the link itself is the key.
-- PostgreSQL twin of ../0008_school_calendar.sql.
ALTER TABLE elders ADD COLUMN calendar_token TEXT;
CREATE UNIQUE INDEX elders_calendar_token ON elders (calendar_token) WHERE calendar_token IS NOT NULL;
