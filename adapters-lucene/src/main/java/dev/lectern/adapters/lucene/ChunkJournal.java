package dev.lectern.adapters.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The write-ahead journal of the chunk index: every write is appended here and forced to disk
 * before it is acknowledged, so Lucene itself needs to commit only now and then. Writers that
 * append while another forces the file share that force (group commit). The journal is a series of
 * generation files; {@link #rotate} starts a new one before a Lucene commit, and files up to the
 * committed generation are deleted after it. Each entry is framed as length, CRC32C, payload; a
 * torn tail left by a crash (never acknowledged) is ignored on replay.
 */
final class ChunkJournal implements Closeable {
  private static final String PREFIX = "journal-";
  private static final String SUFFIX = ".log";

  private final Path directory;
  private final Object appendLock = new Object();
  private final Object forceLock = new Object();

  // Guarded by appendLock.
  private FileChannel channel;
  private long generation;
  private long appended;

  // Guarded by forceLock: how far the current generation is known to be on disk.
  private long forcedGeneration;
  private long forced;

  private ChunkJournal(Path directory, long generation) throws IOException {
    this.directory = directory;
    this.generation = generation;
    this.channel = create(generation);
    this.forcedGeneration = generation;
  }

  /** Opens the journal for appending after the given entries were replayed and committed. */
  static ChunkJournal start(Path directory) throws IOException {
    Files.createDirectories(directory);
    long last = 0;
    for (Path file : files(directory)) {
      last = Math.max(last, generationOf(file));
    }
    ChunkJournal journal = new ChunkJournal(directory, last + 1);
    journal.deleteBefore(last + 1);
    return journal;
  }

  /** Every intact entry of every generation file, oldest first. */
  static List<byte[]> read(Path directory) throws IOException {
    List<byte[]> entries = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return entries;
    }
    for (Path file : files(directory)) {
      ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
      while (data.remaining() >= 8) {
        int length = data.getInt();
        int checksum = data.getInt();
        if (length < 0 || length > data.remaining()) {
          break;
        }
        byte[] payload = new byte[length];
        data.get(payload);
        if (checksum(payload) != checksum) {
          break;
        }
        entries.add(payload);
      }
    }
    return entries;
  }

  /** Appends an entry and returns once it is on disk. */
  void append(byte[] payload) throws IOException {
    // Header and payload go out in one gathering write: a large entry is not copied again.
    ByteBuffer[] frame = {
      ByteBuffer.allocate(8).putInt(payload.length).putInt(checksum(payload)).flip(),
      ByteBuffer.wrap(payload)
    };
    long myGeneration;
    long end;
    synchronized (appendLock) {
      while (frame[0].hasRemaining() || frame[1].hasRemaining()) {
        channel.write(frame);
      }
      appended += 8 + payload.length;
      myGeneration = generation;
      end = appended;
    }
    synchronized (forceLock) {
      if (forcedGeneration > myGeneration || forced >= end) {
        return; // a rotation or another writer's force covered this entry
      }
      FileChannel toForce;
      long target;
      long targetGeneration;
      synchronized (appendLock) {
        toForce = channel;
        target = appended;
        targetGeneration = generation;
      }
      if (targetGeneration == myGeneration) {
        toForce.force(false);
      }
      forcedGeneration = targetGeneration;
      forced = targetGeneration == myGeneration ? target : 0;
    }
  }

  /** Bytes appended to the current generation. */
  long size() {
    synchronized (appendLock) {
      return appended;
    }
  }

  /**
   * Forces and closes the current generation and starts the next; returns the generation that every
   * entry appended so far belongs to (or precedes).
   */
  long rotate() throws IOException {
    synchronized (appendLock) {
      channel.force(false);
      channel.close();
      long closed = generation;
      generation++;
      appended = 0;
      channel = create(generation);
      return closed;
    }
  }

  /** Deletes the generation files older than {@code generation}. */
  void deleteBefore(long generation) throws IOException {
    for (Path file : files(directory)) {
      if (generationOf(file) < generation) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (appendLock) {
      channel.force(false);
      channel.close();
    }
  }

  private FileChannel create(long generation) throws IOException {
    Path file = directory.resolve(PREFIX + generation + SUFFIX);
    FileChannel created =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true); // the new file's name is durable too
    } catch (IOException unsupported) {
      // Some platforms cannot open a directory; the file's data is still forced.
    }
    return created;
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> listed = Files.list(directory)) {
      return listed
          .filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+" + "\\" + SUFFIX))
          .sorted((a, b) -> Long.compare(generationOf(a), generationOf(b)))
          .toList();
    }
  }

  private static long generationOf(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
  }

  private static int checksum(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }
}
