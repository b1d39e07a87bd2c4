package io.carebook.tenancy;

/**
 * A ciphertext could not be decrypted: it was changed, it belongs to another row, field or owner,
 * or its data key cannot be unwrapped with the configured master keys. Never a wrong-but-readable
 * value: authenticated encryption fails as a whole.
 */
public class DecryptionFailedException extends RuntimeException {

  DecryptionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
