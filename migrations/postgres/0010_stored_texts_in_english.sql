-- Texts stored now and read later, in the language their reader has chosen then, are kept in
-- each language. The old columns stay the Chinese text; rows from before have no English.
-- PostgreSQL twin of ../0010_stored_texts_in_english.sql.
ALTER TABLE notifications ADD COLUMN message_en TEXT NOT NULL DEFAULT '';
ALTER TABLE standing_order_runs ADD COLUMN problem_en TEXT NOT NULL DEFAULT '';
