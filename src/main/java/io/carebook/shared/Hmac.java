package io.carebook.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Keyed hashes as payment and messaging providers sign their callbacks with, and a comparison that
 * takes the same time whatever the presented signature, so a forger learns nothing from timing.
 */
public final class Hmac {

  private Hmac() {}

  /** Hex HMAC-SHA256 of {@code data} (UTF-8) keyed with {@code key}: Stripe's and Razorpay's. */
  public static String sha256Hex(String key, String data) {
    return HexFormat.of().formatHex(sha256(key, bytes(data)));
  }

  /** HMAC-SHA256 of {@code data} keyed with {@code key} (UTF-8). */
  public static byte[] sha256(String key, byte[] data) {
    return mac("HmacSHA256", key, data);
  }

  /** HMAC-SHA1 of {@code data} keyed with {@code key} (UTF-8): Twilio's, still. */
  public static byte[] sha1(String key, byte[] data) {
    return mac("HmacSHA1", key, data);
  }

  /** Whether a presented signature (surrounding blanks ignored) is the expected one. */
  public static boolean same(@Nullable String presented, String expected) {
    return presented != null && MessageDigest.isEqual(bytes(presented.strip()), bytes(expected));
  }

  private static byte[] mac(String algorithm, String key, byte[] data) {
    try {
      var mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(bytes(key), algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
