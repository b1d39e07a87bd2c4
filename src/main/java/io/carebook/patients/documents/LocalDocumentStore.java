package io.carebook.patients.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Documents on the local disk, under {@code carebook.documents.directory} ({@code data/documents}
 * by default, beside the built-in database), one folder per organization. Written to a temporary
 * file first and moved into place, so a half-written file never appears under its key.
 */
@Component
class LocalDocumentStore implements DocumentStore {

  private final Path root;

  LocalDocumentStore(@Value("${carebook.documents.directory:data/documents}") String directory) {
    this.root = Path.of(directory).toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] bytes) {
    var target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      var temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
      Files.write(temporary, bytes);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store document " + key, e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read document " + key, e);
    }
  }

  @Override
  public void discard(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not discard document " + key, e);
    }
  }

  private Path resolve(String key) {
    var path = root.resolve(key).normalize();
    if (!path.startsWith(root) || !key.matches("[0-9a-f-]{36}/[0-9a-f-]{36}")) {
      throw new IllegalArgumentException("not a document key: " + key);
    }
    return path;
  }
}
