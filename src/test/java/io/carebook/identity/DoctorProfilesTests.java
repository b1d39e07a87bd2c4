package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CarebookTest
class DoctorProfilesTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void anOwnerWritesADoctorsProfileAndTheFeeIsExactMoney() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");

    var written =
        desk.put(
            "/api/v1/doctors/" + me + "/profile",
            Map.of(
                "specialty",
                "Family medicine",
                "licenceNumber",
                "EGY-1",
                "consultationFee",
                Map.of("amount", "350.50", "currency", "EGP"),
                "languages",
                List.of("Arabic", "English")),
            Map.of());
    assertThat(written.status()).isEqualTo(200);
    var listed = desk.get("/api/v1/doctors").body().path("items").get(0);
    assertThat(listed.path("specialty").asString()).isEqualTo("Family medicine");
    assertThat(listed.path("consultationFee").path("amount").asString()).isEqualTo("350.50");
    assertThat(listed.path("consultationFee").path("currency").asString()).isEqualTo("EGP");

    var badFee =
        desk.put(
            "/api/v1/doctors/" + me + "/profile",
            Map.of("consultationFee", Map.of("amount", "12.345", "currency", "EGP")),
            Map.of());
    assertThat(badFee.status()).isEqualTo(400);
    var badCurrency =
        desk.put(
            "/api/v1/doctors/" + me + "/profile",
            Map.of("consultationFee", Map.of("amount", "12", "currency", "XYZ")),
            Map.of());
    assertThat(badCurrency.status()).isEqualTo(400);
    var nobody =
        desk.put(
            "/api/v1/doctors/00000000-0000-0000-0000-000000000001/profile", Map.of(), Map.of());
    assertThat(nobody.status()).isEqualTo(404);
  }
}
