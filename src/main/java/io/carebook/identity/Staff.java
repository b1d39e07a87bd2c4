package io.carebook.identity;

import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.members.Seats;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active clinic's team: who is a member, with which roles, and suspending, reactivating or
 * removing them. A suspended or removed member loses access on their next request, tokens included.
 * Nobody changes their own membership, and only owners change owners'.
 */
@Service
public class Staff {

  private final JdbcClient jdbc;

  private final Seats seats;

  Staff(JdbcClient jdbc, Seats seats) {
    this.seats = seats;
    this.jdbc = jdbc;
  }

  /** One member of the clinic's team. */
  public record Member(UserId userId, String name, String email, Set<Role> roles, boolean active) {}

  @Transactional(readOnly = true)
  public List<Member> members() {
    return jdbc.sql(
            """
            select u.id, u.display_name, u.email, m.roles, m.status from memberships m
            join users u on u.id = m.user_id
            where m.clinic_id = ? order by m.status, u.display_name""")
        .param(TenantContext.clinic().value())
        .query(
            (rs, n) -> {
              var roles = EnumSet.noneOf(Role.class);
              Arrays.stream((String[]) rs.getArray("roles").getArray())
                  .map(Role::valueOf)
                  .forEach(roles::add);
              return new Member(
                  new UserId(rs.getObject("id", UUID.class)),
                  rs.getString("display_name"),
                  rs.getString("email"),
                  roles,
                  "ACTIVE".equals(rs.getString("status")));
            })
        .list();
  }

  @Transactional
  public void suspend(UserId user) {
    setStatus(user, "SUSPENDED");
  }

  /** A suspended member comes back, if the clinic's plan has room for them. */
  @Transactional
  public void reactivate(UserId user) {
    var member = guard(user);
    if (!member.active()) {
      seats.requireRoom(TenantContext.clinic(), user, member.roles());
    }
    setStatus(user, "ACTIVE");
  }

  @Transactional
  public void remove(UserId user) {
    guard(user);
    jdbc.sql("delete from memberships where clinic_id = ? and user_id = ?")
        .params(TenantContext.clinic().value(), user.value())
        .update();
  }

  private void setStatus(UserId user, String status) {
    guard(user);
    jdbc.sql("update memberships set status = ? where clinic_id = ? and user_id = ?")
        .params(status, TenantContext.clinic().value(), user.value())
        .update();
  }

  private Member guard(UserId user) {
    var actor = CurrentMember.required();
    if (actor.userId().equals(user)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "own-membership", "You cannot change your own membership.");
    }
    var target =
        members().stream()
            .filter(m -> m.userId().equals(user))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Member"));
    if (target.roles().contains(Role.OWNER) && !actor.holds(Role.OWNER)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Only an owner can change an owner's membership.");
    }
    return target;
  }
}
