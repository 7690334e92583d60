-- A course completed (SQLite dialect), owned by app/src/learning/: when, and the JP entry it
-- entered in the ledger (exactly one: the enrolment turns completed once).
ALTER TABLE enrolment ADD COLUMN completed_at INTEGER;
ALTER TABLE enrolment ADD COLUMN jp_entry_id INTEGER REFERENCES jp_entry (id);
