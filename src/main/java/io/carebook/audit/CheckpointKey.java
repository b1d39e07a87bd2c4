package io.carebook.audit;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Ed25519 key that signs the audit chain's checkpoints. It is configured, never stored in the
 * database ({@link CheckpointKeyConfiguration} says where it comes from), so that whoever can
 * rewrite the database cannot sign a checkpoint for a rewritten chain. Anyone holding a checkpoint
 * can check its signature with the public key it carries.
 */
final class CheckpointKey {

  private final Ed25519Sign signer;
  private final byte[] publicKey;

  private CheckpointKey(byte[] seed) throws GeneralSecurityException {
    var pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
    this.signer = new Ed25519Sign(pair.getPrivateKey());
    this.publicKey = pair.getPublicKey();
  }

  /** The key from its base64 form: 32 random bytes, the Ed25519 seed. */
  static CheckpointKey of(String base64) {
    try {
      var seed = Base64.getDecoder().decode(base64.strip());
      if (seed.length != 32) {
        throw new IllegalArgumentException(
            "an audit checkpoint key has 32 bytes, not " + seed.length);
      }
      return new CheckpointKey(seed);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The audit checkpoint key is not valid: expected 32 random bytes in base64"
              + " (e.g. the output of 'openssl rand -base64 32')",
          e);
    }
  }

  /** A fresh random key in the base64 form {@link #of} accepts. */
  static String generate() {
    try {
      var pair = Ed25519Sign.KeyPair.newKeyPair();
      return Base64.getEncoder().encodeToString(pair.getPrivateKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] publicKey() {
    return publicKey.clone();
  }

  byte[] sign(byte[] data) {
    try {
      return signer.sign(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean isMine(byte[] publicKey) {
    return Arrays.equals(this.publicKey, publicKey);
  }

  /** Whether {@code signature} is {@code publicKey}'s signature of {@code data}. */
  static boolean verifies(byte[] publicKey, byte[] signature, byte[] data) {
    try {
      new Ed25519Verify(publicKey).verify(signature, data);
      return true;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
