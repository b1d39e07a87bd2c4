package io.carebook.conversations.bot;

import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the bot does on the calendar, always through scheduling's facade (so through {@code
 * scheduling.Bookings}, the one booking path: the same rules, events, audit and reminders). Each
 * runs in a transaction of its own inside the conversation's tenant and clinic: a refusal rolls
 * back only the attempt, and the bot, still holding the conversation, explains it to the patient.
 */
@Component
class Actions {

  /** What an attempt came to: the appointment, or the problem that refused it. */
  record Done(@Nullable Appointment appointment, @Nullable ProblemException refusal) {
    boolean ok() {
      return appointment != null;
    }
  }

  private final Scheduling scheduling;
  private final TransactionTemplate own;

  Actions(Scheduling scheduling, PlatformTransactionManager transactions) {
    this.scheduling = scheduling;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  Done book(NewAppointment request) {
    return attempt(() -> scheduling.book(request, false));
  }

  Done move(UUID appointment, Instant to) {
    return attempt(() -> scheduling.reschedule(appointment, to));
  }

  Done cancel(UUID appointment, String reason) {
    return attempt(() -> scheduling.cancel(appointment, reason));
  }

  Done confirm(UUID appointment) {
    return attempt(() -> scheduling.confirm(appointment));
  }

  private Done attempt(Supplier<Appointment> work) {
    try {
      return new Done(own.execute(status -> work.get()), null);
    } catch (ProblemException refused) {
      return new Done(null, refused);
    } catch (NotFoundException gone) {
      return new Done(
          null,
          new ProblemException(
              org.springframework.http.HttpStatus.NOT_FOUND, "not-found", gone.getMessage()));
    }
  }
}
