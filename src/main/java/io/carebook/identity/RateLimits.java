package io.carebook.identity;

import io.carebook.shared.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Token-bucket limits for public endpoints (sign-up, sign-in, one-time codes), keyed per IP, per
 * phone or per clinic, so nobody can make the platform send a flood of messages.
 *
 * <p>Buckets live in this instance's memory for now; the identity issue moves them to PostgreSQL so
 * that several instances share one budget.
 */
@Component
public class RateLimits {

  /** A named limit: so many attempts per period. */
  public record Limit(String name, int attempts, Duration period) {}

  public static final Limit SIGN_UP_PER_IP = new Limit("sign-up-ip", 10, Duration.ofHours(1));
  public static final Limit SIGN_IN_PER_IP = new Limit("sign-in-ip", 30, Duration.ofMinutes(5));
  public static final Limit PASSWORD_RESET_PER_IP =
      new Limit("password-reset-ip", 10, Duration.ofHours(1));

  private static final int MAX_BUCKETS = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Environment environment;

  RateLimits(Environment environment) {
    this.environment = environment;
  }

  /** Takes one attempt from the bucket of {@code key}, or refuses with 429. */
  public void consume(Limit limit, String key) {
    if (buckets.size() > MAX_BUCKETS) {
      buckets.clear();
    }
    var bucket =
        buckets.computeIfAbsent(
            limit.name() + ':' + key,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(attempts(limit))
                            .refillGreedy(attempts(limit), limit.period())
                            .build())
                    .build());
    if (!bucket.tryConsume(1)) {
      // the key (an IP, a phone) is personal data: it is not logged
      throw new ProblemException(
          HttpStatus.TOO_MANY_REQUESTS,
          "rate-limited",
          "Too many attempts from here; please wait a few minutes and try again.");
    }
  }

  /** {@code carebook.rate-limit.<name>} overrides a limit's attempts per period. */
  private int attempts(Limit limit) {
    return environment.getProperty(
        "carebook.rate-limit." + limit.name(), Integer.class, limit.attempts());
  }
}
