package io.carebook.tenancy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Service;

/**
 * Encryption at rest for single values (a TOTP secret, a national id): AES-256-GCM through Google
 * Tink, with a data key per owner (the platform, or each tenant) that is stored in PostgreSQL
 * wrapped by the master key.
 *
 * <p>Every ciphertext is bound to its owner, its field and its row through the associated data:
 * copied into another row, field or tenant, it no longer decrypts. Callers store the bytes as they
 * are ({@code bytea}); the format carries the data key's id, so keys can be rotated.
 */
@Service
public class Encryption {

  private static final String VERSION = "carebook/v1";

  private final DataKeys keys;

  Encryption(DataKeys keys) {
    this.keys = keys;
  }

  /**
   * Encrypts {@code plaintext} for {@code owner}, bound to {@code field} (e.g. {@code
   * "patients.national_id"}) of the row {@code rowId}.
   */
  public byte[] encrypt(KeyOwner owner, String field, String rowId, byte[] plaintext) {
    try {
      return keys.of(owner).encrypt(plaintext, associatedData(owner, field, rowId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt " + field, e);
    }
  }

  /**
   * Decrypts what {@link #encrypt} returned for the same owner, field and row.
   *
   * @throws DecryptionFailedException when the ciphertext was altered or belongs elsewhere
   */
  public byte[] decrypt(KeyOwner owner, String field, String rowId, byte[] ciphertext) {
    try {
      return keys.of(owner).decrypt(ciphertext, associatedData(owner, field, rowId));
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException("Could not decrypt " + field + " of " + rowId, e);
    }
  }

  /** Owner, field and row, each length-prefixed so that no two triples encode alike. */
  static byte[] associatedData(KeyOwner owner, String field, String rowId) {
    var out = new ByteArrayOutputStream();
    for (var part : new String[] {VERSION, owner.label(), field, rowId}) {
      var bytes = part.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
