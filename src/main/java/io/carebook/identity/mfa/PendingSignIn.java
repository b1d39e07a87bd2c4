package io.carebook.identity.mfa;

import io.carebook.shared.UserId;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A web sign-in whose password was right and whose code is still due, kept in the session. It
 * grants nothing: the session holds no authentication until the code is given.
 */
record PendingSignIn(UUID userId, String email, Instant expiresAt, int failures)
    implements Serializable {

  static final String ATTRIBUTE = "carebook.pendingSignIn";
  static final int MAX_FAILURES = 5;

  UserId user() {
    return new UserId(userId);
  }

  PendingSignIn failed() {
    return new PendingSignIn(userId, email, expiresAt, failures + 1);
  }

  boolean exhausted() {
    return failures >= MAX_FAILURES;
  }
}
