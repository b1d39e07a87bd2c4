package io.carebook.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What reaches the application log has e-mails and phone numbers masked, stack traces too. */
@CarebookTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTests {

  @Test
  void theLogNeverShowsAnEmailOrAPhoneNumber(CapturedOutput output) {
    var log = LoggerFactory.getLogger(LogMaskingTests.class);
    log.warn("Could not reach {} at {}", "lucia@sol.example", "+52 55 1234 5678");
    log.error("Failed", new IllegalStateException("duplicate key (+201001234567)"));
    assertThat(output.getOut())
        .contains("Could not reach <email> at <digits>")
        .contains("duplicate key (<digits>)")
        .doesNotContain("lucia@sol.example")
        .doesNotContain("1234 5678")
        .doesNotContain("201001234567");
  }
}
