package io.carebook.patients.imports;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An upload of a patient list, from its preview to the end of its import. */
public record PatientImport(
    UUID id,
    String fileName,
    Status status,
    int totalRows,
    int validRows,
    int processedRows,
    int importedRows,
    int duplicateRows,
    int failedRows,
    Instant createdAt,
    @Nullable Instant finishedAt) {

  public enum Status {
    PREVIEWED,
    RUNNING,
    DONE,
    FAILED
  }

  /** How far the import has come, 0 to 100. */
  public int percent() {
    return totalRows == 0 ? 100 : Math.min(100, processedRows * 100 / totalRows);
  }

  public boolean finished() {
    return status == Status.DONE || status == Status.FAILED;
  }
}
