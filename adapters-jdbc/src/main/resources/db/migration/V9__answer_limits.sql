-- Anonymous conversations (started without a token, on a public assistant) are kept within a quota
-- per assistant, the least recently used pruned first: each conversation says whether it is one and
-- how many bytes its messages take.
ALTER TABLE conversations ADD COLUMN anonymous BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE conversations ADD COLUMN stored_bytes BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX conversations_anonymous ON conversations (org_id, assistant_id, anonymous, updated_at);

-- A dataset's description and avatar hold 65 535 characters as RAGFlow counts them (code points);
-- H2 counts UTF-16 units, up to twice as many.
ALTER TABLE collections ALTER COLUMN description SET DATA TYPE VARCHAR(140000);
ALTER TABLE collections ALTER COLUMN avatar SET DATA TYPE VARCHAR(140000);
