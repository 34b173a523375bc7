package dev.lectern.bootstrap.cli;

import dev.lectern.application.service.access.InitializeInstallationService;
import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.bootstrap.MetadataStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

/** Prepares a data directory on first use: default org, super-admin token shown once. */
final class Installation {
  static final String ADMIN_TOKEN_FILE = "admin-token";

  private Installation() {}

  static MetadataStores open(LecternConfig config, int poolSize, PrintWriter out)
      throws IOException {
    Files.createDirectories(config.storage().dataDir());
    MetadataStores stores = MetadataStores.open(config, poolSize);
    Optional<String> secret =
        new InitializeInstallationService(stores.orgs(), stores.tokens(), Clock.systemUTC())
            .initialize(config.adminToken());
    if (secret.isPresent()) {
      Path file = config.storage().resolve(ADMIN_TOKEN_FILE);
      writePrivate(file, secret.get() + "\n");
      out.println("Super-admin token (shown once; also written to " + file + "):");
      out.println(secret.get());
      out.flush();
    }
    return stores;
  }

  /** Writes a file readable by its owner only. */
  private static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
