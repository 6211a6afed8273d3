-- The audit log is read by admins in the language they have chosen, so each entry keeps its
-- detail in both languages, like notifications (0010). Entries from before have no English
-- and are shown in Chinese.
ALTER TABLE audit_log ADD COLUMN detail_en TEXT NOT NULL DEFAULT '';
