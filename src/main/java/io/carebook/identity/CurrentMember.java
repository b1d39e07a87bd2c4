package io.carebook.identity;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
