package io.carebook.tenancy;

import io.carebook.shared.ProblemException;
import io.carebook.shared.VisitState;
import org.springframework.http.HttpStatus;

/** Whether the current member may take an action in the active clinic. */
public interface Permissions {

  /** Whether the current member may take {@code action} on a visit in {@code state}. */
  boolean allows(Action action, VisitState state);

  /** Whether the current member may take {@code action}, which is tied to no visit. */
  default boolean allows(Action action) {
    return allows(action, VisitState.NONE);
  }

  /** Refuses with 403 when the current member may not take {@code action}. */
  default void require(Action action) {
    require(action, VisitState.NONE);
  }

  /** Refuses with 403 when the current member may not take {@code action} in {@code state}. */
  default void require(Action action, VisitState state) {
    if (!allows(action, state)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Your role in this clinic does not allow this.");
    }
  }
}
