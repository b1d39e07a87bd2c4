package io.carebook.scheduling;

import io.carebook.shared.PhoneNumber;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.Clinic;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a clinic's public page may spend on one-time codes in an hour: so many to the numbers of one
 * prefix, so many in all. Reaching either tells the clinic's owners (at most once an hour), since
 * it is what SMS pumping looks like.
 */
@Component
class CodeBudget {

  /** The owners hear of a refusal at most once an hour per clinic. */
  static final RateLimits.Limit WARNING =
      new RateLimits.Limit("codes-abuse-warning", 1, Duration.ofHours(1));

  /** The digits that name a number range: "+20 10 95" of "+201095554433". */
  static final int PREFIX_LENGTH = 7;

  private final RateLimits limits;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate separately;

  CodeBudget(
      RateLimits limits,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.limits = limits;
    this.events = events;
    this.clock = clock;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Takes one code of {@code clinic}'s budget for {@code phone}, or refuses with 429. */
  void spend(Clinic clinic, PhoneNumber phone) {
    spend(clinic, RateLimits.CODES_PER_PHONE_PREFIX, clinic.id() + ":" + prefix(phone));
    spend(clinic, RateLimits.CODES_PER_CLINIC, clinic.id().toString());
  }

  static String prefix(PhoneNumber phone) {
    return phone.e164().substring(0, Math.min(PREFIX_LENGTH, phone.e164().length()));
  }

  private void spend(Clinic clinic, RateLimits.Limit limit, String key) {
    try {
      limits.consume(limit, key);
    } catch (RateLimits.Exceeded e) {
      warnOwners(clinic, limit);
      throw e;
    }
  }

  /** In a transaction of its own: the refused request rolls back, the warning goes out. */
  private void warnOwners(Clinic clinic, RateLimits.Limit limit) {
    try {
      limits.consume(WARNING, clinic.id().toString());
    } catch (RateLimits.Exceeded alreadyWarned) {
      return;
    }
    separately.executeWithoutResult(
        s ->
            events.publishEvent(
                new PublicCodesThrottled(
                    clinic.tenantId(), clinic.id(), limit.name(), clock.instant())));
  }
}
