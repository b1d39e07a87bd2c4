package io.carebook.fhir;

import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * FHIR's Appointment create as a booking through scheduling's one booking path ({@code
 * Scheduling.book}, every booking policy): the Patient and Practitioner participants, an optional
 * Location that must be the caller's clinic, one optional service type, and the start; an end or a
 * duration, when given, must be the service's own length. What cannot be read is refused with 400
 * before anything is booked; an id this organization does not have is not found (404), whoever has
 * it.
 */
@Component
class AppointmentBooking {

  /** The statuses a client may ask a new appointment in: it is booked either way. */
  private static final Set<AppointmentStatus> ASKABLE =
      Set.of(AppointmentStatus.PROPOSED, AppointmentStatus.PENDING, AppointmentStatus.BOOKED);

  private final Scheduling scheduling;

  AppointmentBooking(Scheduling scheduling) {
    this.scheduling = scheduling;
  }

  /** What a FHIR Appointment asks to book, read and checked. */
  record Request(
      UUID patient, UserId doctor, String serviceType, Instant start, @Nullable Duration length) {}

  /** Reads the resource; 400 naming each element that cannot be booked as given. */
  Request read(Appointment resource, UUID activeClinic) {
    var errors = new ArrayList<ProblemException.FieldError>();
    if (resource.hasStatus() && !ASKABLE.contains(resource.getStatus())) {
      errors.add(
          new ProblemException.FieldError(
              "Appointment.status", "must be proposed, pending or booked for a new appointment"));
    }
    UUID patient = null;
    UUID doctor = null;
    var i = 0;
    for (var participant : resource.getParticipant()) {
      var path = "Appointment.participant[" + i++ + "].actor";
      var reference = participant.getActor().getReference();
      if (reference == null || reference.isBlank()) {
        errors.add(new ProblemException.FieldError(path, "must refer to Type/{id}"));
        continue;
      }
      var parts = reference.split("/");
      var type = parts.length >= 2 ? parts[parts.length - 2] : "";
      var id = parts[parts.length - 1];
      switch (type) {
        case "Patient" -> {
          if (patient != null) {
            errors.add(new ProblemException.FieldError(path, "names a second Patient"));
          }
          patient = Ids.uuid(id, "Patient");
        }
        case "Practitioner" -> {
          if (doctor != null) {
            errors.add(new ProblemException.FieldError(path, "names a second Practitioner"));
          }
          doctor = Ids.uuid(id, "Practitioner");
        }
        case "Location" -> {
          if (!Ids.uuid(id, "Location").equals(activeClinic)) {
            errors.add(
                new ProblemException.FieldError(
                    path, "must be the caller's clinic, Location/" + activeClinic));
          }
        }
        default ->
            errors.add(
                new ProblemException.FieldError(
                    path, "must be a Patient, Practitioner or Location"));
      }
    }
    if (patient == null) {
      errors.add(
          new ProblemException.FieldError(
              "Appointment.participant", "needs one participant whose actor is Patient/{id}"));
    }
    if (doctor == null) {
      errors.add(
          new ProblemException.FieldError(
              "Appointment.participant", "needs one participant whose actor is Practitioner/{id}"));
    }
    var start = resource.hasStart() ? resource.getStart().toInstant() : null;
    if (start == null) {
      errors.add(new ProblemException.FieldError("Appointment.start", "is required"));
    }
    var length = length(resource, start, errors);
    var serviceType = serviceType(resource, errors);
    if (!errors.isEmpty() || patient == null || doctor == null || start == null) {
      throw new ProblemException(
          org.springframework.http.HttpStatus.BAD_REQUEST,
          "invalid-input",
          "This Appointment cannot be booked as given.",
          errors);
    }
    return new Request(patient, new UserId(doctor), serviceType, start, length);
  }

  /**
   * Books it through the one booking path, inside the caller's transaction; a refusal is the
   * booking's own problem, naming its policy. A length other than the service's is refused after
   * the booking, so that the transaction rolls back.
   */
  io.carebook.scheduling.Appointment book(Request request) {
    var source =
        TenantContext.current().map(s -> s.actor() == ActorType.AGENT).orElse(false)
            ? "AGENT"
            : "STAFF";
    var booked =
        scheduling.book(
            new NewAppointment(
                request.doctor(),
                request.start(),
                request.serviceType(),
                request.patient(),
                null,
                source));
    var length = Duration.between(booked.startsAt(), booked.endsAt());
    if (request.length() != null && !request.length().equals(length)) {
      throw ProblemException.invalid(
          "Appointment.end",
          "must be "
              + length.toMinutes()
              + " minutes after start, the length of this service (or leave end and"
              + " minutesDuration out)");
    }
    return booked;
  }

  private static @Nullable Duration length(
      Appointment resource, @Nullable Instant start, List<ProblemException.FieldError> errors) {
    Duration length = null;
    if (resource.hasMinutesDuration()) {
      if (resource.getMinutesDuration() <= 0) {
        errors.add(
            new ProblemException.FieldError("Appointment.minutesDuration", "must be positive"));
      } else {
        length = Duration.ofMinutes(resource.getMinutesDuration());
      }
    }
    if (resource.hasEnd() && start != null) {
      var end = resource.getEnd().toInstant();
      if (!end.isAfter(start)) {
        errors.add(new ProblemException.FieldError("Appointment.end", "must be after start"));
      } else if (length != null && !length.equals(Duration.between(start, end))) {
        errors.add(
            new ProblemException.FieldError(
                "Appointment.minutesDuration", "must agree with start and end"));
      } else {
        length = Duration.between(start, end);
      }
    }
    return length;
  }

  /** Our service type's name: the first type's text or code; none (or ours) is the standard. */
  private static String serviceType(
      Appointment resource, List<ProblemException.FieldError> errors) {
    if (resource.getServiceType().size() > 1) {
      errors.add(new ProblemException.FieldError("Appointment.serviceType", "takes at most one"));
      return "";
    }
    if (resource.getServiceType().isEmpty()) {
      return "";
    }
    var concept = resource.getServiceTypeFirstRep();
    var name =
        concept.hasText()
            ? concept.getText()
            : concept.getCoding().stream()
                .map(c -> c.hasCode() ? c.getCode() : c.getDisplay())
                .filter(n -> n != null && !n.isBlank())
                .findFirst()
                .orElse("");
    name = name.strip();
    return name.equals(AppointmentResources.STANDARD_VISIT) ? "" : name;
  }
}
