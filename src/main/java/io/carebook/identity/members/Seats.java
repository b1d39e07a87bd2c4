package io.carebook.identity.members;

import io.carebook.identity.Role;
import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Subscriptions;
import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A clinic's plan limits its team: how many active members, and how many of them doctors. Giving a
 * person roles at a clinic (joining, a new role, coming back from suspension) and inviting one are
 * refused with {@code plan-limit} when the plan has no room; invitations not yet answered hold a
 * seat, so a team cannot outgrow its plan by inviting first.
 */
@Component
public class Seats {

  private final JdbcClient jdbc;
  private final Subscriptions subscriptions;

  Seats(JdbcClient jdbc, Subscriptions subscriptions) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
  }

  /**
   * Refuses unless {@code user} (null: someone invited, not yet a member) may hold {@code roles} at
   * {@code clinic} within its plan. An invitation being accepted is marked so first, so its seat
   * passes to its member.
   */
  public void requireRoom(ClinicId clinic, @Nullable UserId user, Collection<Role> roles) {
    var plan = subscriptions.plan(clinic);
    if (plan.staff() == Integer.MAX_VALUE && plan.doctors() == Integer.MAX_VALUE) {
      return;
    }
    var taken =
        jdbc.sql(
                """
                select count(*) as staff,
                       count(*) filter (where 'DOCTOR' = any(roles)) as doctors
                from (select roles from memberships
                       where clinic_id = ? and status = 'ACTIVE'
                         and user_id is distinct from cast(? as uuid)
                      union all
                      select roles from invitations
                       where clinic_id = ? and accepted_at is null and revoked_at is null
                         and expires_at > now()) seats\
                """)
            .params(clinic.value(), user == null ? null : user.value(), clinic.value())
            .query((rs, n) -> new long[] {rs.getLong("staff"), rs.getLong("doctors")})
            .single();
    var name = plan.name().charAt(0) + plan.name().substring(1).toLowerCase(Locale.ROOT);
    if (taken[0] + 1 > plan.staff()) {
      throw limit(
          "The " + name + " plan has room for " + plan.staff() + " team members at a clinic.");
    }
    if (roles.contains(Role.DOCTOR) && taken[1] + 1 > plan.doctors()) {
      throw limit("The " + name + " plan has room for " + plan.doctors() + " doctors at a clinic.");
    }
  }

  private static ProblemException limit(String detail) {
    return new ProblemException(
        HttpStatus.CONFLICT, "plan-limit", detail + " Upgrade the plan to add more.");
  }
}
