package io.carebook.identity.members;

import io.carebook.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the request edge read about the signed-in person, in one statement ({@link
 * Memberships#atEdge}): when they last signed out everywhere, whether they set up a second factor,
 * their memberships and the organizations among them that require a second factor of everyone.
 * Bound for the rest of the request, so the checks after authentication (the MFA gate) need no read
 * of their own.
 */
public record MemberAtEdge(
    @Nullable Instant signedOutAt,
    boolean secondFactor,
    List<Membership> memberships,
    Set<TenantId> requiringSecondFactorOfAll) {

  private static final ScopedValue<MemberAtEdge> CURRENT = ScopedValue.newInstance();

  /** What the edge read for the request in progress, when a person signed in made it. */
  public static Optional<MemberAtEdge> current() {
    return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
  }

  static ScopedValue<MemberAtEdge> scopedValue() {
    return CURRENT;
  }
}
