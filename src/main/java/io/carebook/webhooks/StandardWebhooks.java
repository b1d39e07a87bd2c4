package io.carebook.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks convention has it (standardwebhooks.com): a secret is {@code
 * whsec_} followed by base64 of random bytes, and a delivery carries {@code webhook-id}, {@code
 * webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64 of HMAC-SHA256 keyed
 * with the secret's bytes over id + "." + timestamp + "." + body>}. A receiver recomputes the
 * signature over the body exactly as received, compares in constant time, and rejects a timestamp
 * more than {@link #TOLERANCE} from its own clock, so a captured delivery cannot be replayed later.
 */
public final class StandardWebhooks {

  /** How far a receiver lets a delivery's timestamp be from its own clock, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private StandardWebhooks() {}

  /** A new secret: {@code whsec_} and 32 random bytes in base64. */
  static String newSecret() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  /** The value of {@code webhook-signature} for one delivery. */
  public static String signature(String secret, String id, long timestamp, String body) {
    var key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      var signed =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether a delivery is genuine and fresh: one of the space-separated signatures of {@code
   * presented} is ours, and {@code timestamp} is within {@link #TOLERANCE} of {@code now}.
   */
  public static boolean verify(
      String secret, String id, String timestamp, String body, String presented, Instant now) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return false;
    }
    var expected = signature(secret, id, seconds, body).getBytes(StandardCharsets.UTF_8);
    for (var candidate : presented.split(" ")) {
      if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), expected)) {
        return true;
      }
    }
    return false;
  }
}
