package io.carebook.tenancy.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTests {

  private static final byte[] ARCHIVE = "the archive's bytes".getBytes(StandardCharsets.UTF_8);

  private final AtomicInteger archivesRead = new AtomicInteger();
  private final PgBinaryResolver archives =
      (system, machineHardware) -> {
        archivesRead.incrementAndGet();
        return new ByteArrayInputStream(ARCHIVE);
      };

  @Test
  void aRestartFindsTheUnpackedBinariesWithoutReadingTheArchive(@TempDir Path working)
      throws Exception {
    var binaries = new PostgresBinaries(working, archives, getClass().getClassLoader());
    var unpacked = unpack(working, read(binaries));

    var restart = read(binaries);

    assertThat(archivesRead).hasValue(1);
    var directory = working.resolve(directoryName(restart));
    assertThat(directory).isSymbolicLink();
    assertThat(directory.toRealPath()).isEqualTo(unpacked.toRealPath());
  }

  @Test
  void binariesGoneFromTheTemporaryFolderAreReadFromTheArchiveAgain(@TempDir Path working)
      throws Exception {
    var binaries = new PostgresBinaries(working, archives, getClass().getClassLoader());
    var unpacked = unpack(working, read(binaries));
    Files.delete(unpacked.resolve(".exists"));

    assertThat(read(binaries)).isEqualTo(ARCHIVE);
    assertThat(archivesRead).hasValue(2);
  }

  /**
   * What the server does with the archive: hashes it (closing the stream twice) and unpacks it
   * under PG-<its MD5>.
   */
  private static byte[] read(PgBinaryResolver binaries) throws IOException {
    try (InputStream in = binaries.getPgBinary("Linux", "x86_64")) {
      var bytes = in.readAllBytes();
      in.close();
      return bytes;
    }
  }

  private static Path unpack(Path working, byte[] archive) throws Exception {
    var directory = Files.createDirectories(working.resolve(directoryName(archive)));
    Files.createDirectories(directory.resolve("bin"));
    Files.createFile(
        directory.resolve("bin").resolve("pg_ctl"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.createFile(directory.resolve(".exists"));
    return directory;
  }

  private static String directoryName(byte[] served) throws Exception {
    return "PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(served));
  }
}
