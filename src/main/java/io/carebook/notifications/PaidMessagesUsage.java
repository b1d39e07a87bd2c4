package io.carebook.notifications;

import io.carebook.shared.ClinicId;
import io.carebook.tenancy.MonthlyUsage;
import io.carebook.tenancy.Plan;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** SMS and WhatsApp messages a clinic sent in a month, against its plan's limit. */
@Component
class PaidMessagesUsage implements MonthlyUsage {

  private final Outbox outbox;

  PaidMessagesUsage(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public String name() {
    return "messagesThisMonth";
  }

  @Override
  public int limit(Plan plan) {
    return plan.messagesPerMonth();
  }

  @Override
  public long used(ClinicId clinic, Instant from, Instant to) {
    return outbox.paidSentSince(clinic, from, Long.MAX_VALUE);
  }
}
