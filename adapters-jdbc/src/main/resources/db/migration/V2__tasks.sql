-- Background tasks. A worker claims a task by moving it from PENDING to RUNNING in one
-- conditional UPDATE, so any number of processes can share the queue. claim_id fences every
-- later write of the claim; lease_until lets another node re-queue the task of a dead worker.

CREATE TABLE tasks (
  id               VARCHAR(36)              NOT NULL PRIMARY KEY,
  org_id           VARCHAR(64)              NOT NULL REFERENCES orgs (id),
  kind             VARCHAR(64)              NOT NULL,
  subject          VARCHAR(2000),
  payload          VARCHAR(1000000)         NOT NULL,
  status           VARCHAR(16)              NOT NULL,
  attempts         INTEGER                  NOT NULL,
  max_attempts     INTEGER                  NOT NULL,
  progress         DOUBLE PRECISION         NOT NULL,
  messages         VARCHAR(1000000)         NOT NULL,
  checkpoint       VARCHAR(100000)          NOT NULL,
  result           VARCHAR(1000000),
  error            VARCHAR(4000),
  cancel_requested BOOLEAN                  NOT NULL,
  worker           VARCHAR(200),
  claim_id         VARCHAR(36),
  lease_until      TIMESTAMP WITH TIME ZONE,
  run_after        TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE,
  finished_at      TIMESTAMP WITH TIME ZONE,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX tasks_queue ON tasks (status, created_at);
CREATE INDEX tasks_by_org ON tasks (org_id, created_at);

-- One row per subject with an unfinished task: the primary key refuses a second one.
CREATE TABLE task_subjects (
  org_id       VARCHAR(64) NOT NULL,
  subject_hash CHAR(64)    NOT NULL,
  task_id      VARCHAR(36) NOT NULL REFERENCES tasks (id),
  PRIMARY KEY (org_id, subject_hash)
);
