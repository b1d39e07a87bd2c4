package io.carebook.tenancy.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Finds the PostgreSQL binaries unpacked at an earlier start without reading their archive again.
 * The embedded server names its unpacked binaries {@code PG-<MD5 of the archive>} in its working
 * directory and reads and hashes the whole 15 MB archive at every start to find them: half of a
 * restart's database start, on the start-up's path once the application reaches the database early
 * (Spring AOT). Here the archive is served once the long way, hashed as the server reads it, and a
 * link {@code PG-<MD5 of a short pointer>} is left to its directory; the pointer names the archive
 * by its address, size and time in the jar. Later starts serve the pointer, whose directory is that
 * link. A changed archive gets a new pointer; a link whose directory is gone from the temporary
 * folder (or not yet unpacked) is not served, so the archive is read again.
 */
final class PostgresBinaries implements PgBinaryResolver {

  static final PostgresBinaries INSTANCE =
      new PostgresBinaries(
          Path.of(
              System.getProperty(
                  "ot.epg.working-dir",
                  Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString())),
          DefaultPostgresBinaryResolver.INSTANCE,
          PostgresBinaries.class.getClassLoader());

  private final Path workingDirectory;
  private final PgBinaryResolver archives;
  private final ClassLoader classLoader;

  PostgresBinaries(Path workingDirectory, PgBinaryResolver archives, ClassLoader classLoader) {
    this.workingDirectory = workingDirectory;
    this.archives = archives;
    this.classLoader = classLoader;
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    var pointer = pointer(system, machineHardware);
    if (pointer != null && unpacked(directoryOf(pointer))) {
      return new ByteArrayInputStream(pointer);
    }
    var archive = archives.getPgBinary(system, machineHardware);
    if (pointer == null || archive == null) {
      return archive;
    }
    return new DigestInputStream(archive, md5()) {
      private boolean closed;

      @Override
      public void close() throws IOException {
        super.close();
        if (!closed) { // the server closes it twice; the digest is read once
          closed = true;
          link(directoryOf(pointer), workingDirectory.resolve(name(getMessageDigest().digest())));
        }
      }
    };
  }

  /** The archive's address, size and time in its jar; null where there is no plain archive. */
  private byte @Nullable [] pointer(String system, String machineHardware) {
    var name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
    var url = classLoader.getResource(name);
    if (url == null) {
      return null;
    }
    try {
      var connection = url.openConnection();
      var text = url + "|" + connection.getContentLengthLong() + "|" + connection.getLastModified();
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private Path directoryOf(byte[] pointer) {
    return workingDirectory.resolve(name(md5().digest(pointer)));
  }

  private static String name(byte[] digest) {
    return "PG-" + HexFormat.of().formatHex(digest);
  }

  private static boolean unpacked(Path directory) {
    return Files.exists(directory.resolve(".exists"))
        && Files.isExecutable(directory.resolve("bin").resolve("pg_ctl"));
  }

  private static void link(Path link, Path directory) {
    try {
      if (Files.isSymbolicLink(link)) {
        Files.delete(link);
      }
      Files.createSymbolicLink(link, directory);
    } catch (IOException | UnsupportedOperationException e) {
      // only a shortcut for the next start (another start may have just made it)
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
