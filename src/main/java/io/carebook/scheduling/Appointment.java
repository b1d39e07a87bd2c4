package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A patient's appointment with a doctor at a clinic. */
public record Appointment(
    UUID id,
    ClinicId clinicId,
    UserId doctorId,
    UUID patientId,
    String serviceType,
    Instant startsAt,
    Instant endsAt,
    AppointmentStatus status,
    String source,
    @Nullable String cancelReason,
    int version,
    @Nullable Instant confirmedAt) {

  /** Whether the patient said they will come. */
  public boolean confirmed() {
    return confirmedAt != null;
  }
}
