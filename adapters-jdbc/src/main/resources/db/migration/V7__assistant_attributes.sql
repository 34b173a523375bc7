-- Settings a dialect keeps on an assistant for its own clients (an avatar, extra prompt options),
-- as a JSON object of strings.

ALTER TABLE assistants ADD COLUMN attributes VARCHAR(1000000) DEFAULT '{}' NOT NULL;
