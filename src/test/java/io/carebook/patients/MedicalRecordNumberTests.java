package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Medical record numbers: 1, 2, 3… per organization, never skipped, never given twice. */
@CarebookTest
class MedicalRecordNumberTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void concurrentRegistrationsGetUniqueGapFreeNumbersAndRefusedDuplicatesTakeNone()
      throws Exception {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var other = api.as(organizations.signUp(api).token());
    var tasks = new ArrayList<Callable<Api.Response>>();
    for (int i = 0; i < 24; i++) {
      var n = i;
      tasks.add(() -> desk.post("/api/v1/patients", Map.of("fullName", "Patient " + n)));
      // the same person twice at once: one registration, one refused duplicate
      tasks.add(
          () ->
              desk.post(
                  "/api/v1/patients",
                  Map.of("fullName", "Twin " + (n % 4), "phone", "0100 555 000" + (n % 4))));
      tasks.add(() -> other.post("/api/v1/patients", Map.of("fullName", "Elsewhere " + n)));
    }
    List<Api.Response> responses;
    try (var pool = Executors.newFixedThreadPool(12)) {
      responses = pool.invokeAll(tasks).stream().map(f -> join(f)).toList();
    }
    assertThat(responses).allMatch(r -> r.status() == 201 || r.status() == 409);

    for (var client : List.of(desk, other)) {
      var numbers = new ArrayList<Long>();
      String after = null;
      do {
        var page =
            client.get("/api/v1/patients?limit=100" + (after == null ? "" : "&after=" + after));
        page.body()
            .path("items")
            .forEach(
                p ->
                    numbers.add(
                        Long.parseLong(p.path("medicalRecordNumber").asString().substring(4))));
        after = page.body().path("next").isNull() ? null : page.text("next");
      } while (after != null);
      assertThat(numbers)
          .as("1..n, each once")
          .containsExactlyInAnyOrderElementsOf(
              LongStream.rangeClosed(1, numbers.size()).boxed().toList());
    }
    var one = desk.get("/api/v1/patients?q=MRN-000001").body().path("items");
    assertThat(one).hasSize(1);
    assertThat(one.get(0).path("medicalRecordNumber").asString()).isEqualTo("MRN-000001");
  }

  private static Api.Response join(java.util.concurrent.Future<Api.Response> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
