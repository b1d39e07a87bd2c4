package io.carebook.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.stereotype.Service;

/**
 * Seals one-time secrets for the events that carry them, and opens them where the message is
 * written. A secret sealed for an organization opens only inside that organization's context; one
 * sealed for the platform (an account's own link) opens anywhere in this application, never from
 * the database alone: the data keys are wrapped by the master key, which is not stored there.
 */
@Service
public class Seals {

  private static final String FIELD = "sealed-secret";

  private final Encryption encryption;

  Seals(Encryption encryption) {
    this.encryption = encryption;
  }

  /** Seals {@code secret} with the data key of the organization in context. */
  public SealedSecret forOrganization(String purpose, String secret) {
    return seal(KeyOwner.currentTenant(), purpose, secret);
  }

  /** Seals {@code secret} with the platform's data key: for an account's own secrets. */
  public SealedSecret forPlatform(String purpose, String secret) {
    return seal(KeyOwner.platform(), purpose, secret);
  }

  /**
   * The secret inside; an organization's secret only in that organization's context.
   *
   * @throws DecryptionFailedException when it was altered or is opened for another purpose
   * @throws IllegalStateException when it belongs to another organization than the one in context
   */
  public String open(SealedSecret sealed) {
    var owner =
        KeyOwner.platform().label().equals(sealed.owner())
            ? KeyOwner.platform()
            : KeyOwner.currentTenant();
    if (!owner.label().equals(sealed.owner())) {
      throw new IllegalStateException("A sealed secret opens only in its organization's context");
    }
    var bytes =
        encryption.decrypt(
            owner, FIELD, sealed.purpose(), Base64.getDecoder().decode(sealed.ciphertext()));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private SealedSecret seal(KeyOwner owner, String purpose, String secret) {
    var bytes = encryption.encrypt(owner, FIELD, purpose, secret.getBytes(StandardCharsets.UTF_8));
    return new SealedSecret(owner.label(), purpose, Base64.getEncoder().encodeToString(bytes));
  }
}
