package io.carebook.tenancy;

/**
 * A one-time secret (a link's token, a code, a payment link) on its way from the module that made
 * it to the message that carries it. Events are stored by the event publication registry, so an
 * event never carries such a secret in clear: the publisher seals it ({@link Seals}) with its
 * organization's data key (or, for an account that belongs to no organization, the platform's), and
 * only notifications opens it, where the message is written.
 *
 * @param owner whose data key sealed it (a key owner's label)
 * @param purpose what the secret is for (e.g. {@code "invitation"}); it is bound to it
 * @param ciphertext the sealed secret, base64
 */
public record SealedSecret(String owner, String purpose, String ciphertext) {

  @Override
  public String toString() {
    return "SealedSecret[" + purpose + "]";
  }
}
