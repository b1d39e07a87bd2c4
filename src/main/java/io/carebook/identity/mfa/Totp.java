package io.carebook.identity.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA-1, 30-second
 * steps, 6 digits. A code is accepted one step early or late, for clocks that drift, and only for a
 * step later than the last one accepted, so no code works twice.
 */
public final class Totp {

  static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;
  private static final int SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  static byte[] newSecret() {
    var secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  public static long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  public static String code(byte[] secret, long step) {
    return code(secret, step, DIGITS);
  }

  /** RFC 4226 §5.3: HMAC of the step, dynamic truncation, the last {@code digits} digits. */
  static String code(byte[] secret, long step, int digits) {
    try {
      var mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      var offset = hash[hash.length - 1] & 0x0f;
      var binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      var code = Integer.toString(binary % (int) Math.pow(10, digits));
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /**
   * The step whose code {@code code} is, within one step of {@code now} and after {@code
   * lastUsedStep}; empty when there is none.
   */
  static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
    var current = step(now);
    for (var step = current - 1; step <= current + 1; step++) {
      if (step > lastUsedStep && sameCode(code(secret, step), code)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  private static boolean sameCode(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(), given.getBytes());
  }
}
