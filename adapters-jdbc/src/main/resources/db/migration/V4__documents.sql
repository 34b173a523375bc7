-- Catalogue entries of uploaded documents (RAGFlow documents). The artifact with the same key holds
-- what parsing produced; an entry exists before its first parse, so there is no foreign key to it.

CREATE TABLE documents (
  org_id           VARCHAR(64)              NOT NULL,
  collection_id    VARCHAR(255)             NOT NULL,
  artifact_id      VARCHAR(255)             NOT NULL,
  name             VARCHAR(1024)            NOT NULL,
  source_hash      CHAR(64)                 NOT NULL,
  size_bytes       BIGINT                   NOT NULL,
  chunk_method     VARCHAR(32)              NOT NULL,
  parser_config    VARCHAR(70000)           NOT NULL,
  meta_fields      VARCHAR(1000000)         NOT NULL,
  enabled          BOOLEAN                  NOT NULL,
  run              VARCHAR(16)              NOT NULL,
  progress         DOUBLE PRECISION         NOT NULL,
  progress_msg     VARCHAR(100000)          NOT NULL,
  process_begin_at TIMESTAMP WITH TIME ZONE,
  process_duration DOUBLE PRECISION         NOT NULL,
  parse_task_id    VARCHAR(36),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, collection_id, artifact_id),
  FOREIGN KEY (org_id, collection_id) REFERENCES collections (org_id, id),
  CONSTRAINT documents_name_unique UNIQUE (org_id, collection_id, name)
);
