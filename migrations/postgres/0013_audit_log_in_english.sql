-- The audit log keeps each entry's detail in both languages, like notifications (0010).
-- PostgreSQL twin of ../0013_audit_log_in_english.sql.
ALTER TABLE audit_log ADD COLUMN detail_en TEXT NOT NULL DEFAULT '';
