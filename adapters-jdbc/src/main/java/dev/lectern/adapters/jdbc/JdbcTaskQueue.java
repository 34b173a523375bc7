package dev.lectern.adapters.jdbc;

import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import dev.lectern.domain.text.TextLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Adapter: the task queue in two tables. A claim is a conditional {@code UPDATE … WHERE status =
 * 'PENDING'}, so two workers — in one process or many — never hold the same task; every later write
 * names the claim id, so a worker whose lease was taken over cannot touch the task again.
 */
public final class JdbcTaskQueue implements TaskQueue {
  private static final String COLUMNS =
      "id, org_id, kind, subject, payload, status, attempts, max_attempts, progress, messages,"
          + " checkpoint, result, error, cancel_requested, created_at, started_at, finished_at,"
          + " run_after";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM tasks ";
  private static final String OWNED = " WHERE id = ? AND claim_id = ? AND status = 'RUNNING'";
  private static final String UNCLAIM = " worker = NULL, claim_id = NULL, lease_until = NULL";
  private static final int CLAIM_CANDIDATES = 8;

  /** Column sizes (V2 migration); the engine keeps texts within them, the store makes sure. */
  private static final int ERROR_CHARS = 4000;

  private static final int MESSAGES_CHARS = 1_000_000;

  private final Jdbc jdbc;

  public JdbcTaskQueue(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Submission submit(Task task, long maxPending) {
    try {
      return jdbc.transaction(c -> submit(c, task, maxPending));
    } catch (LecternException e) {
      if (Jdbc.isUniqueViolation(e)) {
        return Submission.SUBJECT_BUSY;
      }
      throw e;
    }
  }

  private static Submission submit(Connection c, Task task, long maxPending) throws SQLException {
    long pending =
        Jdbc.one(c, "SELECT COUNT(*) FROM tasks WHERE status = 'PENDING'", row -> row.getLong(1))
            .orElse(0L);
    if (pending >= maxPending) {
      return Submission.QUEUE_FULL;
    }
    if (task.subject() != null
        && Jdbc.one(
                c,
                "SELECT 1 FROM task_subjects WHERE org_id = ? AND subject_hash = ?",
                row -> 1,
                task.orgId(),
                hash(task.subject()))
            .isPresent()) {
      return Submission.SUBJECT_BUSY;
    }
    Jdbc.update(
        c,
        "INSERT INTO tasks (id, org_id, kind, subject, payload, status, attempts, max_attempts,"
            + " progress, messages, checkpoint, cancel_requested, run_after, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?, ?, FALSE, ?, ?, ?)",
        task.id().value(),
        task.orgId(),
        task.kind().code(),
        task.subject(),
        MetadataJson.write(task.payload()),
        task.maxAttempts(),
        MetadataJson.writeLines(task.messages(), MESSAGES_CHARS),
        MetadataJson.write(task.checkpoint()),
        task.runAfter(),
        task.createdAt(),
        task.createdAt());
    if (task.subject() != null) {
      Jdbc.update(
          c,
          "INSERT INTO task_subjects (org_id, subject_hash, task_id) VALUES (?, ?, ?)",
          task.orgId(),
          hash(task.subject()),
          task.id().value());
    }
    return Submission.ACCEPTED;
  }

  @Override
  public Optional<Claimed> claim(String worker, Instant now, Instant leaseUntil) {
    List<String> candidates =
        jdbc.list(
            "SELECT id FROM tasks WHERE status = 'PENDING' AND run_after <= ?"
                + " ORDER BY created_at, id LIMIT "
                + CLAIM_CANDIDATES,
            row -> row.getString(1),
            now);
    for (String id : candidates) {
      String claimId = UUID.randomUUID().toString();
      Optional<Task> claimed =
          jdbc.transaction(
              c -> {
                int won =
                    Jdbc.update(
                        c,
                        "UPDATE tasks SET status = 'RUNNING', worker = ?, claim_id = ?,"
                            + " lease_until = ?, attempts = attempts + 1,"
                            + " started_at = COALESCE(started_at, ?), updated_at = ?"
                            + " WHERE id = ? AND status = 'PENDING'",
                        worker,
                        claimId,
                        leaseUntil,
                        now,
                        now,
                        id);
                return won == 1
                    ? Jdbc.one(c, SELECT + "WHERE id = ?", JdbcTaskQueue::task, id)
                    : Optional.<Task>empty();
              });
      if (claimed.isPresent()) {
        return Optional.of(new Claimed(claimed.get(), claimId));
      }
    }
    return Optional.empty();
  }

  @Override
  public Signal report(
      Claimed claimed,
      double progress,
      List<String> messages,
      Map<String, Object> checkpoint,
      Instant now) {
    return jdbc.transaction(
        c -> {
          int owned =
              Jdbc.update(
                  c,
                  "UPDATE tasks SET progress = ?, messages = ?, checkpoint = ?, updated_at = ?"
                      + OWNED,
                  progress,
                  MetadataJson.writeLines(messages, MESSAGES_CHARS),
                  MetadataJson.write(checkpoint),
                  now,
                  claimed.task().id().value(),
                  claimed.claimId());
          return owned == 0 ? Signal.LOST : signal(c, claimed.task().id());
        });
  }

  @Override
  public Map<TaskId, Signal> renew(Collection<Claimed> claims, Instant leaseUntil) {
    return jdbc.transaction(
        c -> {
          Map<TaskId, Signal> signals = new HashMap<>();
          for (Claimed claimed : claims) {
            int owned =
                Jdbc.update(
                    c,
                    "UPDATE tasks SET lease_until = ?" + OWNED,
                    leaseUntil,
                    claimed.task().id().value(),
                    claimed.claimId());
            signals.put(
                claimed.task().id(), owned == 0 ? Signal.LOST : signal(c, claimed.task().id()));
          }
          return signals;
        });
  }

  @Override
  public boolean finish(
      Claimed claimed,
      TaskStatus status,
      Map<String, Object> result,
      String error,
      List<String> messages,
      Instant now) {
    String progress = status == TaskStatus.SUCCESS ? "progress = 1.0," : "";
    return jdbc.transaction(
        c -> {
          int owned =
              Jdbc.update(
                  c,
                  "UPDATE tasks SET status = ?, "
                      + progress
                      + " result = ?, error = ?, messages = ?, finished_at = ?, updated_at = ?,"
                      + UNCLAIM
                      + OWNED,
                  status.name(),
                  result == null ? null : MetadataJson.write(result),
                  TextLimits.cut(error, ERROR_CHARS),
                  MetadataJson.writeLines(messages, MESSAGES_CHARS),
                  now,
                  now,
                  claimed.task().id().value(),
                  claimed.claimId());
          if (owned == 0) {
            return false;
          }
          freeSubject(c, claimed.task().id().value());
          return true;
        });
  }

  @Override
  public boolean release(
      Claimed claimed, Instant runAfter, boolean countAttempt, List<String> messages, Instant now) {
    int owned =
        jdbc.update(
            "UPDATE tasks SET status = 'PENDING', attempts = attempts - ?, run_after = ?,"
                + " messages = ?, updated_at = ?,"
                + UNCLAIM
                + OWNED,
            countAttempt ? 0 : 1,
            runAfter,
            MetadataJson.writeLines(messages, MESSAGES_CHARS),
            now,
            claimed.task().id().value(),
            claimed.claimId());
    return owned == 1;
  }

  @Override
  public int recover(String deadWorker, Instant now) {
    record Stranded(String id, String claimId, int attempts, int maxAttempts) {}
    List<Stranded> stranded =
        jdbc.list(
            "SELECT id, claim_id, attempts, max_attempts FROM tasks WHERE status = 'RUNNING'"
                + " AND (lease_until < ?"
                + (deadWorker == null ? "" : " OR worker = ?")
                + ")",
            row -> new Stranded(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4)),
            deadWorker == null ? new Object[] {now} : new Object[] {now, deadWorker});
    int recovered = 0;
    for (Stranded task : stranded) {
      boolean done;
      if (task.attempts() >= task.maxAttempts()) {
        String error = TaskQueue.interruptedError(task.attempts());
        done = jdbc.transaction(c -> failStranded(c, task.id(), task.claimId(), error, now));
      } else {
        done =
            jdbc.update(
                    "UPDATE tasks SET status = 'PENDING', run_after = ?, updated_at = ?,"
                        + UNCLAIM
                        + OWNED,
                    now,
                    now,
                    task.id(),
                    task.claimId())
                == 1;
      }
      if (done) {
        recovered++;
      }
    }
    return recovered;
  }

  private static boolean failStranded(
      Connection c, String id, String claimId, String error, Instant now) throws SQLException {
    int owned =
        Jdbc.update(
            c,
            "UPDATE tasks SET status = 'FAILURE', error = ?, finished_at = ?, updated_at = ?,"
                + UNCLAIM
                + OWNED,
            error,
            now,
            now,
            id,
            claimId);
    if (owned == 1) {
      freeSubject(c, id);
    }
    return owned == 1;
  }

  @Override
  public Optional<Task> find(String orgId, TaskId id) {
    return jdbc.one(SELECT + "WHERE id = ? AND org_id = ?", JdbcTaskQueue::task, id.value(), orgId);
  }

  @Override
  public boolean subjectBusy(String orgId, String subject) {
    return jdbc.one(
            "SELECT 1 FROM task_subjects WHERE org_id = ? AND subject_hash = ?",
            row -> 1,
            orgId,
            hash(subject))
        .isPresent();
  }

  @Override
  public Optional<Task> cancel(String orgId, TaskId id, Instant now) {
    return jdbc.transaction(
        c -> {
          int pending =
              Jdbc.update(
                  c,
                  "UPDATE tasks SET status = 'CANCELLED', cancel_requested = TRUE, error = ?,"
                      + " finished_at = ?, updated_at = ?"
                      + " WHERE id = ? AND org_id = ? AND status = 'PENDING'",
                  TaskQueue.CANCELLED_ERROR,
                  now,
                  now,
                  id.value(),
                  orgId);
          if (pending == 1) {
            freeSubject(c, id.value());
          } else {
            Jdbc.update(
                c,
                "UPDATE tasks SET cancel_requested = TRUE, updated_at = ?"
                    + " WHERE id = ? AND org_id = ? AND status = 'RUNNING'",
                now,
                id.value(),
                orgId);
          }
          return Jdbc.one(
              c, SELECT + "WHERE id = ? AND org_id = ?", JdbcTaskQueue::task, id.value(), orgId);
        });
  }

  @Override
  public Listing list(Query query) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (query.orgId() != null) {
      where.append(" AND org_id = ?");
      params.add(query.orgId());
    }
    if (query.kind() != null) {
      where.append(" AND kind = ?");
      params.add(query.kind().code());
    }
    Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
    jdbc.list(
            "SELECT status, COUNT(*) FROM tasks" + where + " GROUP BY status",
            row -> Map.entry(TaskStatus.valueOf(row.getString(1)), row.getLong(2)),
            params.toArray())
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    if (query.status() != null) {
      where.append(" AND status = ?");
      params.add(query.status().name());
    }
    List<Task> tasks =
        jdbc.list(
            SELECT + where + " ORDER BY created_at DESC, id DESC LIMIT " + query.limit(),
            JdbcTaskQueue::task,
            params.toArray());
    return new Listing(tasks, counts);
  }

  @Override
  public List<Task> unfinished(TaskKind kind) {
    return jdbc.list(
        SELECT + "WHERE kind = ? AND status IN ('PENDING', 'RUNNING') ORDER BY created_at, id",
        JdbcTaskQueue::task,
        kind.code());
  }

  private static Signal signal(Connection c, TaskId id) throws SQLException {
    boolean cancel =
        Jdbc.one(
                c,
                "SELECT cancel_requested FROM tasks WHERE id = ?",
                row -> row.getBoolean(1),
                id.value())
            .orElse(false);
    return cancel ? Signal.CANCEL : Signal.CONTINUE;
  }

  private static void freeSubject(Connection c, String taskId) throws SQLException {
    Jdbc.update(c, "DELETE FROM task_subjects WHERE task_id = ?", taskId);
  }

  private static Task task(ResultSet row) throws SQLException {
    String result = row.getString("result");
    return new Task(
        new TaskId(row.getString("id")),
        row.getString("org_id"),
        TaskKind.fromCode(row.getString("kind"))
            .orElseThrow(() -> new IllegalStateException("unknown task kind in the database")),
        row.getString("subject"),
        MetadataJson.read(row.getString("payload")),
        TaskStatus.valueOf(row.getString("status")),
        row.getInt("attempts"),
        row.getInt("max_attempts"),
        row.getDouble("progress"),
        MetadataJson.readLines(row.getString("messages")),
        MetadataJson.read(row.getString("checkpoint")),
        result == null ? null : MetadataJson.read(result),
        row.getString("error"),
        row.getBoolean("cancel_requested"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "started_at"),
        Jdbc.instant(row, "finished_at"),
        Jdbc.instant(row, "run_after"));
  }

  /** Subjects are keyed by hash so that any subject fits a primary key on every database. */
  private static String hash(String subject) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
