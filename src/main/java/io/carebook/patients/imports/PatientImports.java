package io.carebook.patients.imports;

import io.carebook.patients.ImportDuplicateRule;
import io.carebook.patients.Patient;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.documents.DocumentFiles;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.CursorPage;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.Organizations;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing an existing patient list: upload (the file is read, checked row by row and kept
 * encrypted), preview (every row with its errors, and the rows the duplicate rule already matches),
 * then import, which runs in the background while {@link #status} reports its progress. The same
 * file uploaded again is the same import, so it never imports twice.
 */
@Service
public class PatientImports {

  static final String CONTENT_FIELD = "patient_imports.content";
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final ImportRows rows;
  private final ImportDuplicateRule duplicates;
  private final Encryption encryption;
  private final Organizations organizations;
  private final ImportRunner runner;
  private final Clock clock;

  PatientImports(
      ImportRows rows,
      ImportDuplicateRule duplicates,
      Encryption encryption,
      Organizations organizations,
      ImportRunner runner,
      Clock clock) {
    this.rows = rows;
    this.duplicates = duplicates;
    this.encryption = encryption;
    this.organizations = organizations;
    this.runner = runner;
    this.clock = clock;
  }

  public enum Outcome {
    IMPORTED,
    DUPLICATE,
    INVALID,
    FAILED
  }

  /** A row as the preview shows it: what was read, its errors, and whom it duplicates. */
  public record PreviewRow(
      int number,
      String fullName,
      @Nullable String phone,
      @Nullable LocalDate dateOfBirth,
      Patient.@Nullable Sex sex,
      List<String> errors,
      @Nullable PatientId duplicateOf) {}

  /** What became of a row once imported. */
  public record RowOutcome(
      int number,
      Outcome outcome,
      @Nullable PatientId patientId,
      @Nullable String fullName,
      @Nullable String message) {}

  /** An uploaded list's import, and whether this upload created it. */
  public record Upload(PatientImport patientImport, boolean created) {}

  /** Reads an uploaded list; the same file again returns its earlier import. */
  @Transactional
  public Upload upload(String fileName, byte[] content) {
    if (content.length == 0) {
      throw ProblemException.invalid("file", "is empty");
    }
    if (content.length > MAX_BYTES) {
      throw ProblemException.invalid("file", "must be at most 5 MB");
    }
    var hash = sha256(content);
    var earlier = rows.withHash(hash);
    if (earlier.isPresent()) {
      return new Upload(earlier.get(), false);
    }
    var read = PatientList.read(content, region(), today());
    var id = UUID.randomUUID();
    var sealed =
        encryption.encrypt(KeyOwner.currentTenant(), CONTENT_FIELD, id.toString(), content);
    var name = DocumentFiles.sanitizedName(fileName, DocumentFiles.Type.CSV);
    var valid = (int) read.stream().filter(PatientList.Row::valid).count();
    rows.insert(id, name, hash, sealed, read.size(), valid);
    return new Upload(get(id), true);
  }

  @Transactional(readOnly = true)
  public PatientImport get(UUID id) {
    return rows.find(id)
        .map(ImportRows.Sealed::patientImport)
        .orElseThrow(() -> new NotFoundException("Import"));
  }

  /** The progress of an import (the page polls it). */
  @Transactional(readOnly = true)
  public PatientImport status(UUID id) {
    return get(id);
  }

  @Transactional(readOnly = true)
  public List<PatientImport> recent() {
    return rows.recent(10);
  }

  /** Every row of the file as read, with its errors and the patient it duplicates, if any. */
  @Transactional(readOnly = true)
  public List<PreviewRow> preview(UUID id) {
    return read(id).stream()
        .map(
            row ->
                new PreviewRow(
                    row.number(),
                    row.patient().fullName(),
                    row.patient().phone(),
                    row.patient().dateOfBirth(),
                    row.patient().sex(),
                    row.errors(),
                    row.valid() ? duplicates.duplicateOf(row.patient()) : null))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<RowOutcome> outcomes(UUID id) {
    get(id);
    return rows.outcomes(id);
  }

  /**
   * A page of {@link #outcomes(UUID)}: at most {@code limit} rows after the row number the cursor
   * names, read in the database.
   */
  @Transactional(readOnly = true)
  public CursorPage<RowOutcome> outcomes(UUID id, int limit, @Nullable String cursor) {
    var size = CursorPage.limit(limit);
    var after = CursorPage.afterNumber(cursor);
    get(id);
    return CursorPage.ofOneMore(
        rows.outcomes(id, after == null ? 0 : after, size + 1), size, RowOutcome::number);
  }

  /**
   * Starts importing a previewed list in the background, as the current member; a second start
   * while it runs or after it is done changes nothing.
   */
  public PatientImport start(UUID id) {
    var list = readOutsideTransaction(id);
    if (runner.claim(id)) {
      runner.runInBackground(id, list);
    }
    return runner.inTransaction(() -> get(id)); // no transaction here: the database needs one
  }

  private List<PatientList.Row> readOutsideTransaction(UUID id) {
    return runner.inTransaction(() -> read(id));
  }

  private List<PatientList.Row> read(UUID id) {
    var sealed = rows.find(id).orElseThrow(() -> new NotFoundException("Import"));
    var content =
        encryption.decrypt(
            KeyOwner.currentTenant(), CONTENT_FIELD, id.toString(), sealed.content());
    return PatientList.read(content, region(), today());
  }

  private String region() {
    return organizations.activeClinic().country();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), organizations.activeClinic().timezone());
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
