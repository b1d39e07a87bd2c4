package io.carebook.webhooks;

import io.carebook.shared.ProblemException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an endpoint may subscribe to, by its name on the wire ({@code appointment.booked}): the
 * {@code type} of a delivery's body. A test event ({@link #TEST_TYPE}) goes to the one endpoint it
 * was sent to, whatever it subscribed to.
 */
public enum EventType {
  APPOINTMENT_BOOKED("appointment.booked"),
  APPOINTMENT_MOVED("appointment.moved"),
  APPOINTMENT_CANCELED("appointment.canceled"),
  APPOINTMENT_NO_SHOW("appointment.no_show"),
  VISIT_CHECKED_IN("visit.checked_in"),
  VISIT_STARTED("visit.started"),
  VISIT_COMPLETED("visit.completed"),
  VISIT_CANCELED("visit.canceled"),
  VISIT_NO_SHOW("visit.no_show"),
  INVOICE_ISSUED("invoice.issued"),
  INVOICE_PAID("invoice.paid"),
  PATIENT_REGISTERED("patient.registered");

  /** The type of the event the "send a test event" button sends. */
  public static final String TEST_TYPE = "webhook.test";

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** Its name on the wire and in the API: {@code appointment.booked}. */
  public String wireName() {
    return wireName;
  }

  /** The type named {@code name} on the wire, if any. */
  public static Optional<EventType> named(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  /** The type named {@code name}, or a field problem on {@code field}. */
  static EventType required(String field, String name) {
    return named(name)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    field,
                    "'"
                        + name
                        + "' is not an event type; choose among "
                        + Arrays.toString(names())));
  }

  static String[] names() {
    return Arrays.stream(values()).map(EventType::wireName).toArray(String[]::new);
  }
}
