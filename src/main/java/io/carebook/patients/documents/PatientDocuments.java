package io.carebook.patients.documents;

import io.carebook.audit.AuditTrail;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.internal.RowValues;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Documents attached to charts: PDF, JPEG or PNG (told by their bytes), at most {@code
 * carebook.documents.max-size} (10 MB by default), stored under generated names, encrypted with the
 * organization's data key ({@link DocumentSealing}), and read only through {@link #open}, which
 * logs the read as a view of health data.
 */
@Service
public class PatientDocuments {

  private final DocumentRows rows;
  private final DocumentStore store;
  private final DocumentSealing sealing;
  private final PatientDirectory directory;
  private final AuditTrail audit;
  private final long maxBytes;

  PatientDocuments(
      DocumentRows rows,
      DocumentStore store,
      DocumentSealing sealing,
      PatientDirectory directory,
      AuditTrail audit,
      @Value("${carebook.documents.max-size:10MB}") DataSize maxSize) {
    this.rows = rows;
    this.store = store;
    this.sealing = sealing;
    this.directory = directory;
    this.audit = audit;
    this.maxBytes = maxSize.toBytes();
  }

  /** A document's description and its bytes, to be closed by the reader. */
  public record Download(PatientDocument document, InputStream content) {}

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Attaches a file to a chart. Too large: 413 {@code document-too-large}; not a PDF, JPEG or PNG:
   * 415 {@code unsupported-document-type}.
   */
  @Transactional
  public PatientDocument upload(
      PatientId patient, String typedName, InputStream content, @Nullable String description) {
    directory.inUse(patient);
    if (description != null && description.trim().length() > 200) {
      throw ProblemException.invalid("description", "must be at most 200 characters");
    }
    var bytes = readAtMost(content);
    var type =
        DocumentFiles.sniff(bytes)
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-document-type",
                        "Documents may be PDF, JPEG or PNG files."));
    var id = UUID.randomUUID();
    var key = TenantContext.tenant() + "/" + id;
    var document =
        new PatientDocument(
            id,
            patient,
            DocumentFiles.sanitizedName(typedName, type),
            type.contentType,
            bytes.length,
            RowValues.blankToNull(description),
            Instant.now());
    store.put(key, sealing.seal(id, bytes));
    discardOnRollback(key);
    rows.insert(document, sha256(bytes), key);
    return rows.find(id).orElseThrow().document();
  }

  /** A chart's documents in use, newest first. */
  @Transactional(readOnly = true)
  public java.util.List<PatientDocument> list(PatientId patient) {
    return rows.of(patient);
  }

  /**
   * A page of a chart's documents in use, newest first: at most {@code limit} after the one the
   * cursor names (a cursor of this list, or the bare id older pages gave), read in the database.
   */
  @Transactional(readOnly = true)
  public CursorPage<PatientDocument> page(PatientId patient, int limit, @Nullable String cursor) {
    var size = CursorPage.limit(limit);
    var after = Keyset.after(cursor, id -> rows.uploadedAt(patient, id));
    return CursorPage.ofOneMore(
        rows.of(patient, after, size + 1), size, d -> Keyset.of(d.uploadedAt(), d.id()));
  }

  /** Opens a document of a patient's chart for reading, and logs the read. */
  @Transactional
  public Download open(PatientId patient, UUID id) {
    var stored =
        rows.find(id)
            .filter(s -> s.document().patientId().equals(patient))
            .orElseThrow(() -> new NotFoundException("Document"));
    audit.viewed("patient_documents", id.toString(), stored.document().patientId().value());
    return new Download(stored.document(), new ByteArrayInputStream(content(id, stored)));
  }

  /** Documents are at most {@code maxBytes} (10 MB by default): read whole, opened in memory. */
  private byte[] content(UUID id, DocumentRows.Stored stored) {
    try (var in = store.open(stored.storageKey())) {
      return sealing.open(id, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] readAtMost(InputStream content) {
    try (content) {
      var bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ProblemException(
            HttpStatus.CONTENT_TOO_LARGE,
            "document-too-large",
            "Documents may be at most " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB.");
      }
      if (bytes.length == 0) {
        throw ProblemException.invalid("file", "is empty");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void discardOnRollback(String key) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              store.discard(key);
            }
          }
        });
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
