package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tenant context never bleeds between requests: two organizations' requests interleaved on many
 * virtual threads, sharing one connection pool, each only ever see their own rows.
 */
@CarebookTest
class ContextIsolationUnderConcurrencyTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void interleavedRequestsOfTwoTenantsEachSeeOnlyTheirOwnPatients() throws Exception {
    var api = new Api(port);
    var first = organizations.signUp(api);
    var second = organizations.signUp(api);
    var asFirst = api.as(first.token());
    var asSecond = api.as(second.token());
    var firstIds = new ArrayList<String>();
    var secondIds = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      firstIds.add(asFirst.post("/api/v1/patients", Map.of("fullName", "First " + i)).text("id"));
      secondIds.add(
          asSecond.post("/api/v1/patients", Map.of("fullName", "Second " + i)).text("id"));
    }

    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var checks = new ArrayList<Future<Boolean>>();
      for (int i = 0; i < 200; i++) {
        var mine = i % 2 == 0 ? asFirst : asSecond;
        var own = i % 2 == 0 ? firstIds : secondIds;
        var theirs = i % 2 == 0 ? secondIds : firstIds;
        var index = i;
        Callable<Boolean> check =
            () -> {
              if (index % 3 == 0) {
                return mine.get("/api/v1/patients/" + theirs.get(index % 3)).status() == 404;
              }
              var seen = new ArrayList<String>();
              mine.get("/api/v1/patients?limit=100")
                  .body()
                  .path("items")
                  .forEach(p -> seen.add(p.path("id").asString()));
              return seen.containsAll(own) && seen.stream().noneMatch(theirs::contains);
            };
        checks.add(threads.submit(check));
      }
      for (var check : checks) {
        assertThat(check.get()).isTrue();
      }
    }
  }
}
