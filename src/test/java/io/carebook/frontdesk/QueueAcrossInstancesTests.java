package io.carebook.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookApplication;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Two app instances against one database: a visit moved through one reaches the boards open on the
 * other (PostgreSQL NOTIFY, not the memory of one instance).
 */
@CarebookTest
class QueueAcrossInstancesTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void aMoveOnOneInstanceReachesTheBoardsOfAnother() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var screen = desk.post("/api/v1/front-desk/screen-link", Map.of()).text("path");

    try (var second =
        new SpringApplicationBuilder(CarebookApplication.class)
            .properties(
                "server.port=0",
                "carebook.dev=true",
                "carebook.embedded-database.directory=temporary",
                "carebook.embedded-database.port=0",
                "carebook.demo=false")
            .run()) {
      var otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
      var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      var ready = new CompletableFuture<Void>();
      var signalled = new CompletableFuture<String>();
      var reader =
          Thread.startVirtualThread(
              () -> {
                try {
                  var lines =
                      http.send(
                              HttpRequest.newBuilder(
                                      URI.create(
                                          "http://localhost:" + otherPort + screen + "/stream"))
                                  .build(),
                              HttpResponse.BodyHandlers.ofLines())
                          .body();
                  var shown = new StringBuilder();
                  var inScreen = false;
                  for (var line : (Iterable<String>) lines::iterator) {
                    if (line.equals("event:ready")) {
                      ready.complete(null);
                    } else if (line.equals("event:screen")) {
                      inScreen = true;
                    } else if (inScreen && line.startsWith("data:")) {
                      shown.append(line.substring(5)).append('\n');
                    } else if (inScreen && line.isEmpty()) {
                      signalled.complete(shown.toString());
                      return;
                    }
                  }
                } catch (Exception e) {
                  ready.completeExceptionally(e);
                  signalled.completeExceptionally(e);
                }
              });
      ready.get(10, TimeUnit.SECONDS);

      // the check-in goes through the first instance
      var visit =
          desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", "Across Instances")));
      assertThat(visit.status()).isEqualTo(201);
      // the second instance sends its screens the new screen, token 1 in it
      assertThat(signalled.get(5, TimeUnit.SECONDS)).contains("data-token=\"1\"");
      reader.interrupt();
    }
  }
}
