package io.carebook.tenancy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

/**
 * The master key: it wraps (encrypts) the data keys kept in PostgreSQL and never touches data
 * itself. It is configured, never stored in the database: {@code carebook.master-key} holds a
 * base64 AES-256 key or a Tink keyset in JSON.
 *
 * <p>Rotation: the new key becomes {@code carebook.master-key} and the old one moves to {@code
 * carebook.previous-master-keys} (base64, comma-separated). Data keys wrapped by a previous key
 * still unwrap, and are re-wrapped with the current one (see {@link DataKeyRewrapping}). A Tink
 * keyset rotates the same way inside itself: add a key, make it primary.
 */
final class MasterKey {

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final KeysetHandle keyset;
  private final Aead aead;

  private MasterKey(KeysetHandle keyset) throws GeneralSecurityException {
    this.keyset = keyset;
    this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** The current key, then older ones that may still have wrapped some data keys. */
  static MasterKey of(String current, List<String> previous) {
    try {
      var ids = new HashSet<Integer>();
      KeysetHandle.Builder builder;
      if (current.strip().startsWith("{")) {
        var keyset = TinkJsonProtoKeysetFormat.parseKeyset(current, InsecureSecretKeyAccess.get());
        for (int i = 0; i < keyset.size(); i++) {
          ids.add(keyset.getAt(i).getId());
        }
        builder = KeysetHandle.newBuilder(keyset);
      } else {
        var bytes = decode(current);
        ids.add(idOf(bytes));
        builder = KeysetHandle.newBuilder().addEntry(raw(bytes).makePrimary());
      }
      for (var old : previous) {
        var bytes = decode(old);
        if (ids.add(idOf(bytes))) {
          builder.addEntry(raw(bytes));
        }
      }
      return new MasterKey(builder.build());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The master key is not valid: expected a base64 AES-256 key (32 bytes) or a Tink"
              + " keyset in JSON",
          e);
    }
  }

  /** A fresh random key in the base64 form {@code carebook.master-key} accepts. */
  static String generate() {
    return Base64.getEncoder()
        .encodeToString(SecretBytes.randomBytes(32).toByteArray(InsecureSecretKeyAccess.get()));
  }

  /** The id of the key that wraps from now on; stored beside every wrapped data key. */
  int currentId() {
    return keyset.getPrimary().getId();
  }

  /** Whether keys other than the current one are configured (a rotation is under way). */
  boolean rotating() {
    return keyset.size() > 1;
  }

  byte[] wrap(KeysetHandle dataKey, byte[] associatedData) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, aead, associatedData);
  }

  KeysetHandle unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, associatedData);
  }

  private static KeysetHandle.Builder.Entry raw(byte[] bytes) throws GeneralSecurityException {
    var parameters =
        AesGcmParameters.builder()
            .setKeySizeBytes(32)
            .setIvSizeBytes(12)
            .setTagSizeBytes(16)
            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
            .build();
    var key =
        AesGcmKey.builder()
            .setParameters(parameters)
            .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
            .build();
    return KeysetHandle.importKey(key).withFixedId(idOf(bytes));
  }

  private static byte[] decode(String base64) {
    var bytes = Base64.getDecoder().decode(base64.strip());
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a master key has 32 bytes, not " + bytes.length);
    }
    return bytes;
  }

  /** A stable id for a raw key, derived from it, so that the same key keeps the same id. */
  private static int idOf(byte[] key) throws GeneralSecurityException {
    var digest = MessageDigest.getInstance("SHA-256").digest(key);
    return ByteBuffer.wrap(Arrays.copyOf(digest, 4)).getInt() & 0x7fffffff;
  }
}
