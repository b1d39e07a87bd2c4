package io.carebook;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app for tests: makes the TOTP codes (RFC 6238, written here anew so that it also
 * checks the application's own) of a secret as the enrolment page or API shows it. Carebook takes
 * each 30-second step once, so this hands out steps in order, the current one and its neighbours,
 * and a recovery code when a test signs in faster than the clock allows.
 */
public final class TestAuthenticator {

  private final byte[] secret;
  private final Deque<String> recoveryCodes = new ArrayDeque<>();
  private long lastStep = Long.MIN_VALUE;

  public TestAuthenticator(String base32Secret) {
    this.secret = base32(base32Secret);
  }

  public byte[] secret() {
    return secret.clone();
  }

  public synchronized void recoveryCodes(List<String> codes) {
    recoveryCodes.clear();
    recoveryCodes.addAll(codes);
  }

  /** A code Carebook has not seen: the next unused step, else a recovery code, else it waits. */
  public synchronized String nextCode() {
    while (true) {
      var millis = Instant.now().toEpochMilli();
      var now = millis / 30_000;
      // the step before is still accepted, but not once the clock has moved two steps on by the
      // time the code arrives: near a step's end, start from the current one
      var earliest = millis % 30_000 < 25_000 ? now - 1 : now;
      var step = Math.max(lastStep + 1, earliest);
      if (step <= now + 1) {
        lastStep = step;
        return code(step);
      }
      if (!recoveryCodes.isEmpty()) {
        return recoveryCodes.pop();
      }
      sleepUntilNextStep();
    }
  }

  /** A recovery code, used up here as it will be by Carebook. */
  public synchronized String recoveryCode() {
    return recoveryCodes.pop();
  }

  /** The code of the current step, whether or not it was used already. */
  public String currentCode() {
    return code(Instant.now().getEpochSecond() / 30);
  }

  public String code(long step) {
    try {
      var mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      var offset = hash[19] & 0xf;
      var value = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
      return String.format(Locale.ROOT, "%06d", value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleepUntilNextStep() {
    try {
      Thread.sleep(30_000 - Instant.now().toEpochMilli() % 30_000 + 50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] base32(String text) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    var clean = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    var out = new byte[clean.length() * 5 / 8];
    long buffer = 0;
    int bits = 0;
    int index = 0;
    for (var c : clean.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out[index++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
