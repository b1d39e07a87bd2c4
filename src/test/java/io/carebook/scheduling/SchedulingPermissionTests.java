package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The scheduling endpoints, for a member holding each single role, answer as the matrix says. */
@CarebookTest
class SchedulingPermissionTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @ParameterizedTest
  @EnumSource(Role.class)
  void schedulingFollowsTheMatrix(Role role) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    var member = api.as(organizations.join(api, owner, role.name()).token());
    var mayEdit = PermissionMatrix.allows(EnumSet.of(role), Action.SCHEDULE_EDIT, VisitState.NONE);
    var mayBook = PermissionMatrix.allows(EnumSet.of(role), Action.BOOKING, VisitState.NONE);

    var hours =
        member.put(
            "/api/v1/doctors/" + doctor + "/hours",
            List.of(Map.of("day", "MONDAY", "starts", "09:00", "ends", "12:00")),
            Map.of());
    assertThat(hours.status()).as(role + " hours").isEqualTo(mayEdit ? 200 : 403);
    var rules =
        member.put(
            "/api/v1/booking-rules",
            Map.of(
                "durationMinutes",
                15,
                "bufferBeforeMinutes",
                0,
                "bufferAfterMinutes",
                0,
                "minimumNoticeMinutes",
                0,
                "horizonDays",
                30,
                "alignmentMinutes",
                15,
                "seats",
                1),
            Map.of());
    assertThat(rules.status()).as(role + " rules").isEqualTo(mayEdit ? 200 : 403);
    var type =
        member.post(
            "/api/v1/service-types",
            Map.of(
                "name",
                "Follow-up",
                "rules",
                Map.of(
                    "durationMinutes",
                    10,
                    "bufferBeforeMinutes",
                    0,
                    "bufferAfterMinutes",
                    0,
                    "minimumNoticeMinutes",
                    0,
                    "horizonDays",
                    30,
                    "alignmentMinutes",
                    10,
                    "seats",
                    1)));
    assertThat(type.status()).as(role + " service type").isEqualTo(mayEdit ? 201 : 403);

    var day = LocalDate.now(CAIRO).plusDays(1);
    var availability =
        member.get("/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day);
    assertThat(availability.status()).as(role + " availability").isEqualTo(mayBook ? 200 : 403);
    var booking =
        member.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                day.atTime(3, 0).atZone(CAIRO).toInstant().toString(),
                "patient",
                Map.of("fullName", "Someone")));
    assertThat(booking.status())
        .as(role + " booking")
        .isEqualTo(mayBook ? 409 : 403); // 3 a.m.: closed
  }
}
