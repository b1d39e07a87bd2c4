package io.carebook.scheduling;

import io.carebook.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The time asked for cannot be booked; carries the nearest alternatives. */
public class SlotTakenException extends ProblemException {

  private final List<Alternative> alternatives;

  public SlotTakenException(String detail, List<Alternative> alternatives) {
    super(HttpStatus.CONFLICT, "slot-taken", detail);
    this.alternatives = List.copyOf(alternatives);
    property("alternatives", this.alternatives);
  }

  public List<Alternative> alternatives() {
    return alternatives;
  }

  /** Another time, or another doctor at the same time. */
  public record Alternative(
      String doctorId, java.time.Instant startsAt, java.time.Instant endsAt) {}
}
