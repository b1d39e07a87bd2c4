package io.carebook.frontdesk;

import static io.carebook.shared.VisitState.WAITING;
import static io.carebook.shared.VisitState.WITH_ASSISTANT;
import static io.carebook.shared.VisitState.WITH_DOCTOR;

import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.util.EnumSet;
import java.util.Set;

/**
 * The moves of a visit, forward only: each from the states it may leave, to one state, under the
 * action of the permission matrix that says who may make it.
 */
public enum Transition {
  START_ASSISTANT(
      "start-assistant", Action.VISIT_START_ASSISTANT, EnumSet.of(WAITING), WITH_ASSISTANT),
  START_DOCTOR(
      "start-doctor", Action.VISIT_START_DOCTOR, EnumSet.of(WAITING, WITH_ASSISTANT), WITH_DOCTOR),
  COMPLETE("complete", Action.VISIT_COMPLETE, EnumSet.of(WITH_DOCTOR), VisitState.DONE),
  CANCEL(
      "cancel",
      Action.VISIT_CANCEL,
      EnumSet.of(WAITING, WITH_ASSISTANT, WITH_DOCTOR),
      VisitState.CANCELED),
  NO_SHOW("no-show", Action.VISIT_MARK_NO_SHOW, EnumSet.of(WAITING), VisitState.NO_SHOW);

  private final String path;
  private final Action action;
  private final Set<VisitState> from;
  private final VisitState to;

  Transition(String path, Action action, Set<VisitState> from, VisitState to) {
    this.path = path;
    this.action = action;
    this.from = from;
    this.to = to;
  }

  /** Its name in the API's paths, e.g. {@code start-doctor}. */
  public String path() {
    return path;
  }

  public Action action() {
    return action;
  }

  public Set<VisitState> from() {
    return from;
  }

  public VisitState to() {
    return to;
  }

  /** Whether a visit in {@code state} may take this move at all (whoever asks). */
  public boolean leaves(VisitState state) {
    return from.contains(state);
  }

  public static java.util.Optional<Transition> ofPath(String path) {
    for (var t : values()) {
      if (t.path.equals(path)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
