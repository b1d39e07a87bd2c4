package io.carebook.tenancy;

import io.carebook.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Whether the current member may take an action in the active clinic. */
public interface Permissions {

  boolean allows(Action action);

  /** Refuses with 403 when the current member may not take {@code action}. */
  default void require(Action action) {
    if (!allows(action)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Your role in this clinic does not allow this.");
    }
  }
}
