package io.carebook.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the master key comes from: {@code carebook.master-key} (environment variable {@code
 * CAREBOOK_MASTER_KEY}), with older keys in {@code carebook.previous-master-keys}. With the
 * built-in database, {@code carebook.master-key-file} names a file beside its data ({@code
 * data/master-key}) that is created with a new key on the first start.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

  @Bean
  static MasterKey masterKey(Environment environment) {
    var previous =
        Arrays.stream(environment.getProperty("carebook.previous-master-keys", "").split(","))
            .map(String::strip)
            .filter(k -> !k.isEmpty())
            .toList();
    var configured = environment.getProperty("carebook.master-key", "");
    if (!configured.isBlank()) {
      return MasterKey.of(configured, previous);
    }
    var file = environment.getProperty("carebook.master-key-file", "");
    if (!file.isBlank()) {
      return MasterKey.of(readOrCreate(Path.of(file)), previous);
    }
    throw new IllegalStateException(
        "No master key: set CAREBOOK_MASTER_KEY to a base64 AES-256 key"
            + " (e.g. the output of 'openssl rand -base64 32') or to a Tink keyset in JSON."
            + " Keep it apart from the database and its backups.");
  }

  private static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      var key = MasterKey.generate();
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file keeps the directory's permissions
      }
      log.info(
          "Generated a master key in {}: the encrypted data of this database cannot be read"
              + " without it",
          file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the master key file " + file, e);
    }
  }
}
