-- Blind rounds: what each attachment carried in its document properties, and the cleaned copy a blind round's
-- experts are given. Attachments uploaded before this stay UNCHECKED until a blind round first asks for them.
ALTER TABLE attachment ADD COLUMN metadata_status VARCHAR(20) DEFAULT 'UNCHECKED' NOT NULL;
ALTER TABLE attachment ADD COLUMN metadata_removed VARCHAR(300);
ALTER TABLE attachment ADD COLUMN metadata_problem VARCHAR(20);
ALTER TABLE attachment ADD COLUMN clean_stored_name VARCHAR(64);
ALTER TABLE attachment ADD COLUMN clean_size_bytes BIGINT;
