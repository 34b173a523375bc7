-- Assistants and their conversations. A conversation's messages form a tree (parent_id); seq keeps
-- the order they were stored in. name_key is the name lower-cased, unique per organization.

CREATE TABLE assistants (
  org_id               VARCHAR(64)              NOT NULL REFERENCES orgs (id),
  id                   VARCHAR(64)              NOT NULL,
  name                 VARCHAR(255)             NOT NULL,
  name_key             VARCHAR(255)             NOT NULL,
  description          VARCHAR(65535)           NOT NULL,
  system_prompt        VARCHAR(1000000)         NOT NULL,
  opener               VARCHAR(65535)           NOT NULL,
  empty_response       VARCHAR(65535)           NOT NULL,
  knowledge_required   BOOLEAN                  NOT NULL,
  collection_ids       VARCHAR(1000000)         NOT NULL,
  llm_model            VARCHAR(255),
  temperature          DOUBLE PRECISION         NOT NULL,
  top_p                DOUBLE PRECISION         NOT NULL,
  presence_penalty     DOUBLE PRECISION         NOT NULL,
  frequency_penalty    DOUBLE PRECISION         NOT NULL,
  max_tokens           INTEGER                  NOT NULL,
  top_n                INTEGER                  NOT NULL,
  top_k                INTEGER                  NOT NULL,
  similarity_threshold DOUBLE PRECISION         NOT NULL,
  keyword_weight       DOUBLE PRECISION         NOT NULL,
  history_window       INTEGER                  NOT NULL,
  show_quote           BOOLEAN                  NOT NULL,
  access               VARCHAR(16)              NOT NULL,
  status               VARCHAR(16)              NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  CONSTRAINT assistants_name_unique UNIQUE (org_id, name_key)
);

CREATE TABLE conversations (
  org_id       VARCHAR(64)              NOT NULL,
  id           VARCHAR(64)              NOT NULL,
  assistant_id VARCHAR(64)              NOT NULL,
  name         VARCHAR(255)             NOT NULL,
  user_id      VARCHAR(255),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, assistant_id) REFERENCES assistants (org_id, id)
);

CREATE INDEX conversations_of_assistant ON conversations (org_id, assistant_id, created_at);

CREATE TABLE messages (
  org_id          VARCHAR(64)              NOT NULL,
  conversation_id VARCHAR(64)              NOT NULL,
  id              VARCHAR(64)              NOT NULL,
  seq             INTEGER                  NOT NULL,
  parent_id       VARCHAR(64),
  role            VARCHAR(16)              NOT NULL,
  content         VARCHAR(10000000)        NOT NULL,
  message_refs    VARCHAR(10000000)        NOT NULL,
  complete        BOOLEAN                  NOT NULL,
  input_tokens    INTEGER                  NOT NULL,
  output_tokens   INTEGER                  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, conversation_id, id),
  CONSTRAINT messages_order_unique UNIQUE (org_id, conversation_id, seq),
  FOREIGN KEY (org_id, conversation_id) REFERENCES conversations (org_id, id)
);
