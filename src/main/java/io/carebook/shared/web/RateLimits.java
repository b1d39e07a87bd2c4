package io.carebook.shared.web;

import io.carebook.shared.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token-bucket limits (Bucket4j): kept in PostgreSQL, so every app instance draws on the same
 * budget, per address for sign-up, sign-in and password reset ({@link #consume}); kept in this
 * instance's memory for the per-organization API budget, which every request pays and which must
 * take no row lock ({@link #consumeHere}). Refused attempts answer 429 with Retry-After.
 */
@Component
public class RateLimits {

  /** A named limit: so many attempts per period. */
  public record Limit(String name, int attempts, Duration period) {}

  public static final Limit SIGN_UP_PER_IP = new Limit("sign-up-ip", 10, Duration.ofHours(1));
  public static final Limit SIGN_IN_PER_IP = new Limit("sign-in-ip", 30, Duration.ofMinutes(5));
  public static final Limit PASSWORD_RESET_PER_IP =
      new Limit("password-reset-ip", 10, Duration.ofHours(1));
  public static final Limit SIGN_IN_LINK_PER_IP =
      new Limit("sign-in-link-ip", 10, Duration.ofHours(1));
  public static final Limit SIGN_IN_LINK_PER_ACCOUNT =
      new Limit("sign-in-link-account", 3, Duration.ofHours(1));
  public static final Limit ORGANIZATION = new Limit("organization", 600, Duration.ofMinutes(1));

  // issue 15: the public pages' one-time codes (booking, waitlist), so they cannot be guessed or
  // sent in bulk to numbers that earn their owner money (SMS pumping)
  /** Tries at a one-time code from one address, whatever the request. */
  public static final Limit CODE_CONFIRM_PER_IP =
      new Limit("code-confirm-ip", 30, Duration.ofHours(1));

  /** Tries at the codes sent to one phone, across all its requests. */
  public static final Limit CODE_CONFIRM_PER_PHONE =
      new Limit("code-confirm-phone", 10, Duration.ofHours(1));

  /** Codes sent to the numbers of one prefix (country code and first digits), per clinic. */
  public static final Limit CODES_PER_PHONE_PREFIX =
      new Limit("codes-phone-prefix", 15, Duration.ofHours(1));

  /** Codes a clinic's public page sends in an hour. */
  public static final Limit CODES_PER_CLINIC = new Limit("codes-clinic", 300, Duration.ofHours(1));

  /** The limit was reached; retry after the given time. */
  public static class Exceeded extends ProblemException {
    private final long retryAfterSeconds;

    Exceeded(long retryAfterSeconds) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "rate-limited",
          "Too many requests; please wait " + retryAfterSeconds + " seconds and try again.",
          List.of());
      this.retryAfterSeconds = retryAfterSeconds;
      header("Retry-After", Long.toString(retryAfterSeconds));
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private final ProxyManager<String> buckets;
  private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();

  /** A bucket in this instance's memory, and how many attempts it holds when full. */
  private record LocalBucket(Bucket bucket, long capacity) {}

  private final Environment environment;
  private final Map<Limit, Integer> attempts = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;

  RateLimits(DataSource dataSource, Environment environment, JdbcClient jdbc) {
    this.environment = environment;
    this.jdbc = jdbc;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
  }

  /** Takes one attempt from the bucket of {@code key}, or refuses with 429 and Retry-After. */
  public void consume(Limit limit, String key) {
    var attempts = attempts(limit);
    var configuration =
        BucketConfiguration.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(attempts)
                    .refillGreedy(attempts, limit.period())
                    .build())
            .build();
    // the key (an address, a phone) is personal data: it is neither logged nor shown
    var probe =
        buckets
            .builder()
            .build(limit.name() + ':' + key, () -> configuration)
            .tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new Exceeded(
          Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
  }

  /**
   * Takes one attempt from this app instance's own bucket of {@code key}, or refuses with 429 and
   * Retry-After: no database, no lock, so a read costs nothing for its limit. Each instance counts
   * on its own, so behind N instances a key may make up to N times the attempts; for limits that
   * must hold across instances (sign-in, codes), use {@link #consume}.
   */
  public void consumeHere(Limit limit, String key) {
    var attempts = attempts(limit);
    var bucket =
        local.computeIfAbsent(
            limit.name() + ':' + key,
            k ->
                new LocalBucket(
                    Bucket.builder()
                        .addLimit(
                            Bandwidth.builder()
                                .capacity(attempts)
                                .refillGreedy(attempts, limit.period())
                                .build())
                        .build(),
                    attempts));
    var probe = bucket.bucket().tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new Exceeded(
          Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
  }

  /** Removes buckets that have refilled and been idle, so the table holds only live ones. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void removeIdleBuckets() {
    jdbc.sql("delete from rate_limit_buckets where expires_at < ?")
        .param(System.currentTimeMillis())
        .update();
    // a full bucket is as good as none: the next attempt makes a new one
    local.values().removeIf(b -> b.bucket().getAvailableTokens() >= b.capacity());
  }

  /** {@code carebook.rate-limit.<name>} overrides a limit's attempts per period. */
  private int attempts(Limit limit) {
    // read once per limit: the environment's property lookup was ~3 % of an API GET's CPU
    return attempts.computeIfAbsent(
        limit,
        l ->
            environment.getProperty(
                "carebook.rate-limit." + l.name(), Integer.class, l.attempts()));
  }
}
