package io.carebook.frontdesk;

import io.carebook.scheduling.Scheduling;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The doctors of the active clinic, as checking in and moving visits need them. */
@Component
class ClinicDoctors {

  private final Scheduling calendar;

  ClinicDoctors(Scheduling calendar) {
    this.calendar = calendar;
  }

  /** Whether {@code user} is an active doctor of the active clinic. */
  boolean here(UUID user) {
    return calendar.doctors().stream().anyMatch(d -> d.userId().value().equals(user));
  }

  /** The doctor's id, if an active doctor of the active clinic; 404 otherwise. */
  UUID require(UserId doctor) {
    if (calendar.doctors().stream().noneMatch(d -> d.userId().equals(doctor))) {
      throw new NotFoundException("Doctor");
    }
    return doctor.value();
  }

  /** The member taking a step now (nobody for the system); whether a doctor, asked if needed. */
  Visit.By current() {
    var user = currentUser();
    return new Visit.By(user, () -> user != null && here(user));
  }

  static @Nullable UUID currentUser() {
    return TenantContext.current().map(TenantContext.Scope::user).map(UserId::value).orElse(null);
  }
}
