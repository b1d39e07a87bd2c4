package io.carebook.patients.documents;

import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The bytes of a document as they lie in the {@link DocumentStore}: AES-256-GCM (Tink) under the
 * organization's data key, bound to the document's id, behind a short marker. A copy of the
 * documents folder, or of one organization's file put under another's document, reveals nothing.
 *
 * <p>Files stored before documents were sealed are still read as they are: they begin with their
 * type's own signature (PDF, JPEG or PNG, checked at upload), never with the marker.
 */
@Component
class DocumentSealing {

  static final String FIELD = "patient_documents.content";
  private static final byte[] MARKER = "CBSEAL1\n".getBytes(StandardCharsets.US_ASCII);

  private final Encryption encryption;

  DocumentSealing(Encryption encryption) {
    this.encryption = encryption;
  }

  byte[] seal(UUID document, byte[] content) {
    var sealed = encryption.encrypt(KeyOwner.currentTenant(), FIELD, document.toString(), content);
    var stored = Arrays.copyOf(MARKER, MARKER.length + sealed.length);
    System.arraycopy(sealed, 0, stored, MARKER.length, sealed.length);
    return stored;
  }

  /** The content of what {@link #seal} stored, or a file stored before sealing, as it is. */
  byte[] open(UUID document, byte[] stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    var sealed = Arrays.copyOfRange(stored, MARKER.length, stored.length);
    return encryption.decrypt(KeyOwner.currentTenant(), FIELD, document.toString(), sealed);
  }

  static boolean isSealed(byte[] stored) {
    return stored.length >= MARKER.length
        && Arrays.equals(stored, 0, MARKER.length, MARKER, 0, MARKER.length);
  }
}
