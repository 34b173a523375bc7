-- Keys scoped to one assistant: an API token whose assistant_id names the only assistant it reaches.

ALTER TABLE api_tokens ADD COLUMN assistant_id VARCHAR(64);

CREATE INDEX api_tokens_assistant ON api_tokens (org_id, assistant_id);
