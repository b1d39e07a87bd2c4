package io.carebook.notifications;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of a message only its recipient may read: the token of a one-time link, a code. The
 * outbox keeps the message's text with that part masked, and the part itself sealed, so neither the
 * outbox page nor the database shows it; delivery puts it back.
 */
public final class OneTimeSecret {

  /** What stands in the stored text for the secret. */
  public static final String MASK = "••••••";

  private OneTimeSecret() {}

  /**
   * The part of a link of ours that opens it: what follows its last {@code =} or {@code /} (the
   * token of {@code /invitations/accept?token=…}, of {@code /receipts/…}); a code is all secret.
   */
  static String tokenOf(String linkOrCode) {
    var cut = Math.max(linkOrCode.lastIndexOf('='), linkOrCode.lastIndexOf('/'));
    return linkOrCode.substring(cut + 1);
  }

  static String masked(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, MASK);
  }

  static String opened(String text, String secret) {
    return text.replace(MASK, secret);
  }

  static Map<String, String> masked(Map<String, String> variables, String secret) {
    var masked = new HashMap<String, String>();
    variables.forEach((name, value) -> masked.put(name, masked(value, secret)));
    return masked;
  }

  static Map<String, String> opened(Map<String, String> variables, String secret) {
    var opened = new HashMap<String, String>();
    variables.forEach((name, value) -> opened.put(name, opened(value, secret)));
    return opened;
  }
}
