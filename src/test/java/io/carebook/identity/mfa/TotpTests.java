package io.carebook.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP as RFC 6238 specifies it, and as authenticator apps expect it. */
class TotpTests {

  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 Appendix B, the SHA-1 rows: 8 digits; apps show the last 6. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesTheTestVectorsOfRfc6238(long seconds, String expected) {
    var step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
    assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(expected.substring(2));
  }

  @Test
  void acceptsTheCodeOfOneStepBeforeOrAfterAndNoFurther() {
    var now = Instant.ofEpochSecond(1_111_111_111);
    var step = Totp.step(now);
    for (var offset : new long[] {-1, 0, 1}) {
      var code = Totp.code(RFC_SECRET, step + offset);
      assertThat(Totp.matchingStep(RFC_SECRET, code, now, -1)).hasValue(step + offset);
    }
    for (var offset : new long[] {-3, -2, 2, 3}) {
      var code = Totp.code(RFC_SECRET, step + offset);
      assertThat(Totp.matchingStep(RFC_SECRET, code, now, -1)).isEmpty();
    }
  }

  @Test
  void refusesACodeWhoseStepIsNotLaterThanTheLastOneUsed() {
    var now = Instant.ofEpochSecond(1_234_567_890);
    var step = Totp.step(now);
    var code = Totp.code(RFC_SECRET, step);
    assertThat(Totp.matchingStep(RFC_SECRET, code, now, step)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step))
        .hasValue(step + 1);
  }

  @Test
  void base32MatchesRfc4648AndRoundTrips() {
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Base32.decode("mzxw 6ytb oi"))
        .isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    var secret = Totp.newSecret();
    assertThat(secret).hasSize(20);
    assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
  }

  @Test
  void theEnrolmentUriNamesIssuerAccountAndSecret() {
    assertThat(MfaEnrolment.otpauthUri("amira@example.test", "MZXW6YTBOI"))
        .isEqualTo(
            "otpauth://totp/Carebook:amira%40example.test?secret=MZXW6YTBOI&issuer=Carebook"
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
