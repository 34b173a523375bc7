package dev.lectern.adapters.documents;

import dev.lectern.application.error.Unavailable;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.domain.artifact.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adapter: blobs as files named by their SHA-256 under two-character fan-out folders. A blob is
 * written to a temporary file, forced to disk, then atomically moved into place, so a crash never
 * leaves a partial blob under a real name. File names from clients never reach the file system.
 */
public final class FileBlobStore implements BlobStore {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private final Path root;

  public FileBlobStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve("tmp"));
    } catch (IOException e) {
      throw new Unavailable("cannot create the blob store at " + root, null, e);
    }
  }

  @Override
  public ContentHash put(byte[] bytes) {
    ContentHash hash = ContentHash.of(bytes);
    Path target = pathOf(hash);
    if (Files.exists(target)) {
      return hash;
    }
    Path temp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
    try {
      if (!Files.isDirectory(target.getParent())) {
        Files.createDirectories(target.getParent());
      }
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // Data and length are what the rename below needs on disk; the directory entry follows.
        channel.force(false);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(target.getParent());
      return hash;
    } catch (IOException e) {
      throw new Unavailable("cannot store a blob: " + e.getMessage(), null, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // The reconciliation at start-up removes stray temporary files.
      }
    }
  }

  @Override
  public Optional<byte[]> get(ContentHash hash) {
    try {
      return Optional.of(Files.readAllBytes(pathOf(hash)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new Unavailable("cannot read blob " + hash + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public Optional<InputStream> open(ContentHash hash) {
    try {
      return Optional.of(Files.newInputStream(pathOf(hash)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new Unavailable("cannot read blob " + hash + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public Set<String> hashes() {
    Set<String> hashes = new HashSet<>();
    try (Stream<Path> files = Files.walk(root, 2)) {
      files
          .map(path -> path.getFileName().toString())
          .filter(name -> HEX64.matcher(name).matches())
          .forEach(hashes::add);
    } catch (IOException e) {
      throw new Unavailable("cannot list the blob store: " + e.getMessage(), null, e);
    }
    return hashes;
  }

  @Override
  public void delete(ContentHash hash) {
    try {
      Files.deleteIfExists(pathOf(hash));
    } catch (IOException e) {
      throw new Unavailable("cannot delete blob " + hash + ": " + e.getMessage(), null, e);
    }
  }

  /** Removes temporary files a crash left behind; call before serving. */
  public void removeTemporaryFiles() {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new Unavailable("cannot clean the blob store: " + e.getMessage(), null, e);
    }
  }

  private Path pathOf(ContentHash hash) {
    return root.resolve(hash.hex().substring(0, 2)).resolve(hash.hex());
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Not every platform can sync a directory; the file itself is already on disk.
    }
  }
}
