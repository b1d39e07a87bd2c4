package io.carebook.tenancy;

import io.carebook.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The active clinic's subscription allows reading only. */
public class ClinicReadOnlyException extends ProblemException {

  public ClinicReadOnlyException(SubscriptionStatus status) {
    super(
        HttpStatus.FORBIDDEN,
        "clinic-read-only",
        "This clinic is read-only because its subscription is "
            + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ". Data can be read and exported; renew the subscription to make changes.");
  }
}
