package io.carebook.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks convention computes them, and what a receiver refuses. */
class StandardWebhooksTests {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final String BODY = "{\"test\": 2432232314}";

  @Test
  void signsAsTheConventionsOwnExample() {
    assertThat(StandardWebhooks.signature(SECRET, ID, TIMESTAMP, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aReceiverAcceptsAFreshGenuineDeliveryAmongOtherSignatures() {
    var at = Instant.ofEpochSecond(TIMESTAMP).plusSeconds(60);
    var signature = StandardWebhooks.signature(SECRET, ID, TIMESTAMP, BODY);
    assertThat(
            StandardWebhooks.verify(
                SECRET, ID, Long.toString(TIMESTAMP), BODY, "v1,bm90IGl0 " + signature, at))
        .isTrue();
  }

  @Test
  void aReceiverRefusesAnAlteredBodyAnotherIdOrAnOldTimestamp() {
    var signature = StandardWebhooks.signature(SECRET, ID, TIMESTAMP, BODY);
    var at = Instant.ofEpochSecond(TIMESTAMP);
    var stamp = Long.toString(TIMESTAMP);
    assertThat(StandardWebhooks.verify(SECRET, ID, stamp, BODY + " ", signature, at)).isFalse();
    assertThat(StandardWebhooks.verify(SECRET, "msg_other", stamp, BODY, signature, at)).isFalse();
    var late = at.plus(StandardWebhooks.TOLERANCE).plus(Duration.ofSeconds(1));
    assertThat(StandardWebhooks.verify(SECRET, ID, stamp, BODY, signature, late)).isFalse();
    assertThat(StandardWebhooks.verify(SECRET, ID, "soon", BODY, signature, at)).isFalse();
  }

  @Test
  void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
    var secret = StandardWebhooks.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(StandardWebhooks.newSecret()).isNotEqualTo(secret);
  }
}
