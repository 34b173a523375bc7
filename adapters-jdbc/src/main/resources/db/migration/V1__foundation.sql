-- Organizations, tokens, collections and artifacts. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE orgs (
  id         VARCHAR(64)              NOT NULL PRIMARY KEY,
  slug       VARCHAR(63)              NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_tokens (
  id           VARCHAR(64)              NOT NULL PRIMARY KEY,
  name         VARCHAR(200)             NOT NULL,
  scope        VARCHAR(16)              NOT NULL,
  org_id       VARCHAR(64)              NOT NULL REFERENCES orgs (id),
  secret_hash  CHAR(64)                 NOT NULL UNIQUE,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE TABLE collections (
  org_id       VARCHAR(64)              NOT NULL REFERENCES orgs (id),
  id           VARCHAR(255)             NOT NULL,
  name         VARCHAR(300)             NOT NULL,
  language     VARCHAR(32)              NOT NULL,
  chunk_tokens INTEGER                  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  CONSTRAINT collections_name_unique UNIQUE (org_id, name)
);

-- current_version: the revision readers see; pending_version: a write in progress, which
-- start-up reconciliation completes or drops; deleting: a delete in progress.
CREATE TABLE artifacts (
  org_id          VARCHAR(64)              NOT NULL,
  collection_id   VARCHAR(255)             NOT NULL,
  id              VARCHAR(255)             NOT NULL,
  status          VARCHAR(16)              NOT NULL,
  current_version BIGINT,
  pending_version BIGINT,
  deleting        BOOLEAN                  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, collection_id, id),
  FOREIGN KEY (org_id, collection_id) REFERENCES collections (org_id, id)
);

CREATE INDEX artifacts_listing ON artifacts (org_id, collection_id, created_at);

CREATE TABLE artifact_revisions (
  org_id        VARCHAR(64)              NOT NULL,
  collection_id VARCHAR(255)             NOT NULL,
  artifact_id   VARCHAR(255)             NOT NULL,
  version       BIGINT                   NOT NULL,
  content_hash  CHAR(64)                 NOT NULL,
  text_hash     CHAR(64)                 NOT NULL,
  file_name     VARCHAR(1024)            NOT NULL,
  size_bytes    BIGINT                   NOT NULL,
  metadata      VARCHAR(1000000)         NOT NULL,
  chunk_count   INTEGER                  NOT NULL,
  token_count   BIGINT                   NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, collection_id, artifact_id, version),
  FOREIGN KEY (org_id, collection_id, artifact_id) REFERENCES artifacts (org_id, collection_id, id)
);
