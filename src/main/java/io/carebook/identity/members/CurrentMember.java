package io.carebook.identity.members;

import io.carebook.identity.Role;
import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The signed-in user of the request in progress, with the active membership (if any) and every
 * membership they may switch to. Resolved at the edge on every request, so a removed member loses
 * access at once.
 */
public record CurrentMember(
    UserId userId, String displayName, @Nullable Membership active, List<Membership> memberships) {

  /** The web session attribute that remembers the clinic the user chose. */
  public static final String ACTIVE_CLINIC_ATTRIBUTE = "carebook.activeClinic";

  private static final ScopedValue<CurrentMember> CURRENT = ScopedValue.newInstance();

  public static Optional<CurrentMember> current() {
    return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
  }

  /** The signed-in person; an API key's agent, or nobody, is refused with 403. */
  public static CurrentMember required() {
    return current()
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "person-required",
                    "Only a signed-in person can do this, not an API key."));
  }

  static ScopedValue<CurrentMember> scopedValue() {
    return CURRENT;
  }

  public boolean holds(Role role) {
    return active != null && active.roles().contains(role);
  }

  public Optional<Membership> membershipIn(ClinicId clinic) {
    return memberships.stream().filter(m -> m.clinicId().equals(clinic) && m.active()).findFirst();
  }
}
