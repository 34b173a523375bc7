package dev.lectern.bootstrap.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory held by one server process: an exclusive lock on {@code lectern.lock}, which
 * names the process holding it. The operating system lets go when the process ends, however it
 * ends; the file stays and the next server takes it over.
 */
final class DataDirectoryLock {
  static final String FILE = "lectern.lock";

  /** Held until the process ends; a lock whose channel is collected would be let go. */
  private static FileLock held;

  private DataDirectoryLock() {}

  /** Takes the directory (creating it), or says which process holds it. */
  static synchronized void acquire(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    FileChannel channel =
        FileChannel.open(
            dataDir.resolve(FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new IllegalStateException("this process already uses the data directory " + dataDir, e);
    } catch (IOException e) {
      channel.close();
      throw new IOException(
          "cannot lock the data directory " + dataDir + " (" + e.getMessage() + ")", e);
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new IllegalStateException(
          "another Lectern process"
              + (holder.isEmpty() ? "" : " (pid " + holder + ")")
              + " is using the data directory "
              + dataDir
              + "; stop it first, or give this one another --data-dir");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    channel.force(true);
    held = lock;
  }

  /** The pid the file names; empty when it cannot be read (a system with mandatory locks). */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      return text.strip().matches("\\d+") ? text.strip() : "";
    } catch (IOException e) {
      return "";
    }
  }
}
