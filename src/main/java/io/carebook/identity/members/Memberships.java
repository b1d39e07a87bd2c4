package io.carebook.identity.members;

import io.carebook.identity.Role;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who holds which roles in which clinic. */
@Service
public class Memberships {

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;
  private final Seats seats;

  Memberships(JdbcClient jdbc, TenantTransactions tenants, Seats seats) {
    this.jdbc = jdbc;
    this.seats = seats;
    this.tenants = tenants;
  }

  /**
   * Gives {@code user} the roles in a clinic of the current organization, if its plan has room
   * ({@code plan-limit} otherwise).
   */
  @Transactional
  public void grant(ClinicId clinic, UserId user, Collection<Role> roles) {
    seats.requireRoom(clinic, user, roles);
    var names = roles.stream().map(Role::name).toArray(String[]::new);
    jdbc.sql(
            """
            insert into memberships (tenant_id, clinic_id, user_id, roles) values (?, ?, ?, ?)
            on conflict (tenant_id, clinic_id, user_id) do update set roles = excluded.roles""")
        .params(TenantContext.tenant().value(), clinic.value(), user.value(), names)
        .update();
  }

  /** Ends {@code user}'s membership of a clinic of the current organization, effective at once. */
  @Transactional
  public void remove(ClinicId clinic, UserId user) {
    jdbc.sql("delete from memberships where clinic_id = ? and user_id = ?")
        .params(clinic.value(), user.value())
        .update();
  }

  /**
   * Every membership of {@code user}, across organizations, through the {@code my_memberships}
   * resolver: it can only answer for the user bound in the context.
   */
  public List<Membership> of(UserId user) {
    return tenants.readOnly(TenantContext.Scope.user(user), this::ofCurrentUser);
  }

  /**
   * What the request edge needs about {@code user}, in one statement outside any transaction (the
   * {@code member_at_edge} resolver): empty when no such user exists.
   */
  public Optional<MemberAtEdge> atEdge(UserId user) {
    record Row(
        @Nullable Instant signedOutAt,
        boolean secondFactor,
        @Nullable Membership membership,
        boolean requiresSecondFactorOfAll) {}
    var rows =
        jdbc.sql("select * from member_at_edge(?)")
            .param(user.value())
            .query(
                (rs, n) -> {
                  var signedOut = rs.getTimestamp("signed_out_at");
                  var tenant = rs.getObject("tenant_id", UUID.class);
                  return new Row(
                      signedOut == null ? null : signedOut.toInstant(),
                      rs.getBoolean("second_factor"),
                      tenant == null
                          ? null
                          : new Membership(
                              new TenantId(tenant),
                              rs.getString("tenant_name"),
                              new ClinicId(rs.getObject("clinic_id", UUID.class)),
                              rs.getString("clinic_name"),
                              roles(rs.getArray("roles")),
                              "ACTIVE".equals(rs.getString("status"))),
                      rs.getBoolean("mfa_required_for_all"));
                })
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    var first = rows.getFirst();
    return Optional.of(
        new MemberAtEdge(
            first.signedOutAt(),
            first.secondFactor(),
            rows.stream().map(Row::membership).filter(Objects::nonNull).toList(),
            rows.stream()
                .filter(r -> r.membership() != null && r.requiresSecondFactorOfAll())
                .map(r -> r.membership().tenantId())
                .collect(Collectors.toUnmodifiableSet())));
  }

  private List<Membership> ofCurrentUser() {
    return jdbc.sql("select * from my_memberships()")
        .query(
            (rs, n) ->
                new Membership(
                    new TenantId(rs.getObject("tenant_id", UUID.class)),
                    rs.getString("tenant_name"),
                    new ClinicId(rs.getObject("clinic_id", UUID.class)),
                    rs.getString("clinic_name"),
                    roles(rs.getArray("roles")),
                    "ACTIVE".equals(rs.getString("status"))))
        .list();
  }

  private static EnumSet<Role> roles(Array array) throws SQLException {
    var roles = EnumSet.noneOf(Role.class);
    Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
    return roles;
  }
}
