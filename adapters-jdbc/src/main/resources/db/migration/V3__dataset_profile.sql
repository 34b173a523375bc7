-- A collection's catalogue settings: what RAGFlow shows as a dataset. Names stay unique per org
-- without regard to case; the store checks that while holding the org row's lock.

ALTER TABLE collections ADD COLUMN description VARCHAR(70000);
ALTER TABLE collections ADD COLUMN avatar VARCHAR(70000);
ALTER TABLE collections ADD COLUMN embedding_model VARCHAR(255) DEFAULT 'BAAI/bge-large-zh-v1.5@BAAI' NOT NULL;
ALTER TABLE collections ADD COLUMN permission VARCHAR(16) DEFAULT 'me' NOT NULL;
ALTER TABLE collections ADD COLUMN chunk_method VARCHAR(32) DEFAULT 'naive' NOT NULL;
ALTER TABLE collections ADD COLUMN parser_config VARCHAR(70000) DEFAULT '{}' NOT NULL;
ALTER TABLE collections ADD COLUMN pagerank INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE collections ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE collections SET updated_at = created_at;
ALTER TABLE collections ALTER COLUMN updated_at SET NOT NULL;
