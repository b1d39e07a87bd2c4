package io.carebook.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the checkpoint key comes from: {@code carebook.audit.checkpoint-key} (environment variable
 * {@code CAREBOOK_AUDIT_CHECKPOINT_KEY}, base64 of 32 random bytes), or the file named by {@code
 * carebook.audit.checkpoint-key-file}. With the built-in database, like the master key, a file
 * beside its data ({@code data/audit-checkpoint-key}) created with a new key on the first start, or
 * a throw-away key for a throw-away database. Without any of them, a key for this process only,
 * with a warning: its checkpoints still prove what the chain was, but a restart changes the key.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CheckpointKeyConfiguration.class);

  private static @Nullable String processKey;

  @Bean
  static CheckpointKey checkpointKey(Environment environment) {
    var configured = environment.getProperty("carebook.audit.checkpoint-key", "");
    if (!configured.isBlank()) {
      return CheckpointKey.of(configured);
    }
    var file = environment.getProperty("carebook.audit.checkpoint-key-file", "");
    if (file.isBlank()) {
      // the built-in database keeps its master key in a file beside its data: this one goes there
      var masterKeyFile = environment.getProperty("carebook.master-key-file", "");
      if (!masterKeyFile.isBlank()) {
        file = Path.of(masterKeyFile).resolveSibling("audit-checkpoint-key").toString();
      }
    }
    if (!file.isBlank()) {
      return CheckpointKey.of(readOrCreate(Path.of(file)));
    }
    if (!"temporary".equals(environment.getProperty("carebook.embedded-database.directory"))) {
      log.warn(
          "No audit checkpoint key (CAREBOOK_AUDIT_CHECKPOINT_KEY): checkpoints are signed with a"
              + " key that lasts until this process stops");
    }
    return CheckpointKey.of(processKey());
  }

  /** One key per JVM, like the throw-away database it usually goes with. */
  private static synchronized String processKey() {
    if (processKey == null) {
      processKey = CheckpointKey.generate();
    }
    return processKey;
  }

  private static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      var key = CheckpointKey.generate();
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file keeps the directory's permissions
      }
      log.info("Generated the audit checkpoint key in {}", file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the checkpoint key file " + file, e);
    }
  }
}
