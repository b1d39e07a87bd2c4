package io.carebook.scheduling;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.UserId;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.TenantContext;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redeems the one-time codes of public booking and waitlist requests. Each try at a code is taken
 * in a transaction of its own before the code is compared: a wrong try rolls back its request's
 * work but not its count, and tries made at once cannot share one count. After {@link #MAX} tries
 * the code is dead and the patient asks for a new one.
 */
@Component
class BookingCodes {

  static final int MAX = 5;

  private final JdbcClient jdbc;
  private final RateLimits limits;
  private final Clock clock;
  private final TransactionTemplate separately;

  BookingCodes(
      JdbcClient jdbc, RateLimits limits, Clock clock, PlatformTransactionManager transactions) {
    this.limits = limits;
    this.clock = clock;
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The request behind a code, if the code is right and still valid and the request is of that kind
   * and not yet used. Every try is counted before the code is compared, in a transaction of its own
   * that a wrong try does not roll back; after {@link #MAX} tries the code is dead (410 {@code
   * code-used-up}). Tries are limited per phone too, across all its requests. Called inside the
   * clinic.
   */
  PublicCodes.Wish redeem(UUID request, String kind, String code) {
    record Pending(PublicCodes.Wish wish, byte[] codeHash, Instant expires, boolean used) {}
    var pending =
        jdbc.sql("select * from booking_requests where id = ? and clinic_id = ? and kind = ?")
            .params(request, TenantContext.clinic().value(), kind)
            .query(
                (rs, n) ->
                    new Pending(
                        new PublicCodes.Wish(
                            kind,
                            new UserId(rs.getObject("doctor_id", UUID.class)),
                            rs.getString("service_type"),
                            rs.getTimestamp("starts_at").toInstant(),
                            rs.getTimestamp("window_to") == null
                                ? null
                                : rs.getTimestamp("window_to").toInstant(),
                            rs.getString("full_name"),
                            rs.getString("phone_e164")),
                        rs.getBytes("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getObject("appointment_id") != null
                            || rs.getObject("waitlist_entry_id") != null))
            .optional()
            .orElseThrow(() -> new NotFoundException("Booking request"));
    limits.consume(RateLimits.CODE_CONFIRM_PER_PHONE, String.valueOf(pending.wish().phone()));
    if (pending.used() || pending.expires().isBefore(clock.instant())) {
      throw new ProblemException(
          HttpStatus.GONE, "code-expired", "This code has expired; please start again.");
    }
    if (!take(request)) {
      throw new ProblemException(
          HttpStatus.GONE,
          "code-used-up",
          "Too many wrong codes: this code no longer works; please ask for a new one.");
    }
    if (!MessageDigest.isEqual(pending.codeHash(), Secrets.sha256(request + ":" + code.trim()))) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-code", "This code is not right.");
    }
    return pending.wish();
  }

  /**
   * Takes one try at the code of {@code request}, committed at once (in the current tenant); false
   * when its tries are used up.
   */
  boolean take(UUID request) {
    return Boolean.TRUE.equals(
        separately.execute(
            s ->
                jdbc.sql(
                            """
                            update booking_requests set attempts = attempts + 1
                            where id = ? and attempts < ?""")
                        .params(request, MAX)
                        .update()
                    == 1));
  }
}
