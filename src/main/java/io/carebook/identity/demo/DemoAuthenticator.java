package io.carebook.identity.demo;

import io.carebook.identity.mfa.Base32;
import io.carebook.identity.mfa.MfaEnrolment;
import io.carebook.identity.mfa.Totp;
import java.time.Clock;
import java.util.List;

/**
 * The invented authenticator of the demo accounts that the policy requires to use one (owners and
 * doctors). Its secret is public, like the demo password: add it to any authenticator app, or read
 * the current code at {@code /dev/authenticator} on a developer's machine.
 */
public final class DemoAuthenticator {

  /** Base32, as authenticator apps take it. Invented; protects nothing real. */
  public static final String SECRET = "CAREBOOKDEMOSECRETNOTFORREALUSE2";

  /** The demo accounts enrolled with it. */
  public static final List<String> ACCOUNTS =
      List.of("owner@nile.demo", "salma@nile.demo", "omar@zamalek.demo", "lucia@sol.demo");

  private DemoAuthenticator() {}

  public static String currentCode(Clock clock) {
    return Totp.code(Base32.decode(SECRET), Totp.step(clock.instant()));
  }

  /** Seconds until the current code gives way to the next. */
  public static long secondsLeft(Clock clock) {
    return Totp.STEP_SECONDS - Math.floorMod(clock.instant().getEpochSecond(), Totp.STEP_SECONDS);
  }

  static String otpauthUri(String email) {
    return MfaEnrolment.otpauthUri(email, SECRET);
  }
}
