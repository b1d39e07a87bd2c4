package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.identity.members.Memberships;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two organizations created through the API: each sees only its own records, another's answer 404
 * (never 403, so existence does not leak), and a write aimed at them changes nothing.
 */
@CarebookTest
class CrossTenantAccessTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Memberships memberships;
  @LocalServerPort int port;

  @Test
  void anotherOrganizationsPatientAnswers404ToEveryReadAndWriteAndStaysUnchanged() {
    var api = new Api(port);
    var cairo = organizations.signUp(api);
    var lima = organizations.signUp(api, "PE", "America/Lima", "PEN");
    var asCairo = api.as(cairo.token());
    var asLima = api.as(lima.token());

    var created =
        asCairo.post(
            "/api/v1/patients", Map.of("fullName", "Youssef Adel", "phone", "01001234567"));
    assertThat(created.status()).isEqualTo(201);
    var id = created.text("id");

    assertThat(asLima.get("/api/v1/patients/" + id).status()).isEqualTo(404);
    assertThat(asLima.get("/api/v1/patients/" + id).text("type")).isEqualTo("/problems/not-found");
    var overwrite =
        asLima.put(
            "/api/v1/patients/" + id,
            Map.of("fullName", "Changed By Lima"),
            Map.of("If-Match", "\"0\""));
    assertThat(overwrite.status()).isEqualTo(404);
    assertThat(asLima.get("/api/v1/patients?q=Youssef").body().path("items")).isEmpty();
    assertThat(asLima.get("/api/v1/patients?q=1001234567").body().path("items")).isEmpty();

    var untouched = asCairo.get("/api/v1/patients/" + id);
    assertThat(untouched.status()).isEqualTo(200);
    assertThat(untouched.text("fullName")).isEqualTo("Youssef Adel");
    assertThat(untouched.header("ETag")).isEqualTo("\"0\"");
  }

  @Test
  void aTokenForAnotherOrganizationsClinicIsRefusedAsNotFound() {
    var api = new Api(port);
    var first = organizations.signUp(api);
    var second = organizations.signUp(api);
    var response =
        api.as(first.token())
            .post("/api/v1/tokens/switch-clinic", Map.of("clinicId", second.clinic().toString()));
    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void aMemberOfTwoOrganizationsSeesEachOnlyWhileItIsTheActiveOne() {
    var api = new Api(port);
    var nile = organizations.signUp(api);
    var andes = organizations.signUp(api, "CO", "America/Bogota", "COP");
    // the Andes owner also works evenings at Nile's clinic
    var andesOwner = ownerOf(api, andes.token());
    tenants.run(
        nile.tenant(),
        () -> memberships.grant(nile.clinic(), andesOwner, EnumSet.of(Role.RECEPTIONIST)));
    api.as(nile.token()).post("/api/v1/patients", Map.of("fullName", "Nile Patient"));
    api.as(andes.token()).post("/api/v1/patients", Map.of("fullName", "Andes Patient"));

    var atAndes = api.as(organizations.signIn(api, andes.email(), andes.clinic()));
    assertThat(names(atAndes)).contains("Andes Patient").doesNotContain("Nile Patient");

    var switched =
        atAndes.post("/api/v1/tokens/switch-clinic", Map.of("clinicId", nile.clinic().toString()));
    assertThat(switched.status()).isEqualTo(200);
    var atNile = api.as(switched.text("accessToken"));
    assertThat(names(atNile)).contains("Nile Patient").doesNotContain("Andes Patient");
    assertThat(atNile.get("/api/v1/me").body().path("memberships")).hasSize(2);
  }

  @Test
  void aRemovedMemberLosesAccessAtOnceTokensIncluded() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    assertThat(api.as(owner.token()).get("/api/v1/patients").status()).isEqualTo(200);
    tenants.run(
        owner.tenant(), () -> memberships.remove(owner.clinic(), ownerOf(api, owner.token())));
    var refused = api.as(owner.token()).get("/api/v1/patients");
    assertThat(refused.status()).isEqualTo(401);
  }

  @Test
  void clinicsOfAnotherOrganizationAreInvisibleEvenToItsFacade(@Autowired Organizations orgs) {
    var api = new Api(port);
    var first = organizations.signUp(api);
    var second = organizations.signUp(api);
    var seen = tenants.call(first.tenant(), () -> orgs.find(second.clinic()));
    assertThat(seen).isEmpty();
    var own = tenants.call(first.tenant(), () -> orgs.clinics());
    assertThat(own).extracting(c -> c.id()).containsExactly(first.clinic());
    tenants.run(
        first.tenant(),
        () ->
            orgs.addClinic(
                io.carebook.shared.ClinicId.random(),
                new NewClinic("Annex", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG")));
    assertThat(tenants.call(second.tenant(), () -> orgs.clinics())).hasSize(1);
  }

  private static io.carebook.shared.UserId ownerOf(Api api, String token) {
    return io.carebook.shared.UserId.of(api.as(token).get("/api/v1/me").text("userId"));
  }

  private static java.util.List<String> names(Api api) {
    var names = new java.util.ArrayList<String>();
    api.get("/api/v1/patients")
        .body()
        .path("items")
        .forEach(p -> names.add(p.path("fullName").asString()));
    return names;
  }
}
