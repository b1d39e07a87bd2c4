package io.carebook.clinical;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the clinical events the application publishes, for tests to look for. */
@Component
public class ClinicalEventLog {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  @EventListener
  void signed(EncounterSigned event) {
    events.add(event);
  }

  @EventListener
  void finalized(PrescriptionFinalized event) {
    events.add(event);
  }

  @EventListener
  void copyRequested(PrescriptionCopyRequested event) {
    events.add(event);
  }

  public <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
