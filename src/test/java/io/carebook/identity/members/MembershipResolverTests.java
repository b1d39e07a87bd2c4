package io.carebook.identity.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The memberships resolver answers for the signed-in user only, across organizations. */
@CarebookTest
class MembershipResolverTests {

  @Autowired TestOrganizations organizations;
  @Autowired Memberships memberships;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @LocalServerPort int port;

  @Test
  void aUserSeesTheirOwnMembershipsAndNobodyElses() {
    var api = new Api(port);
    var first = organizations.signUp(api);
    organizations.signUp(api);
    var user = UserId.of(api.as(first.token()).get("/api/v1/me").text("userId"));

    assertThat(memberships.of(user))
        .singleElement()
        .satisfies(m -> assertThat(m.clinicId()).isEqualTo(first.clinic()));

    var transaction = new TransactionTemplate(transactions);
    var anonymous =
        TenantContext.call(
            TenantContext.Scope.anonymous(),
            () ->
                transaction.execute(
                    s ->
                        jdbc.sql("select count(*) from my_memberships()")
                            .query(Long.class)
                            .single()));
    assertThat(anonymous).isZero();
  }
}
