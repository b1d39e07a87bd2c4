package io.carebook.agents.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Plan;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every MCP message is one request through the API's edge, so it spends the organization's budget
 * like any other call (the same settings as OrganizationRateLimitTests, so the same context).
 */
@CarebookTest
@TestPropertySource(properties = "carebook.rate-limit.organization=5")
class McpRateLimitTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void toolCallsBeyondTheOrganizationsBudgetAreRefusedWithRetryAfter() throws Exception {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var secret =
        api.as(owner.token())
            .post("/api/v1/api-keys", Map.of("name", "Agent", "actions", List.of("BOOKING")))
            .text("secret");
    var transport =
        HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
            .endpoint("/api/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + secret))
            .build();
    var answered = 0;
    try (var client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
      client.initialize();
      for (var i = 0; i < 5; i++) {
        client.callTool(McpSchema.CallToolRequest.builder("clinic_info").build());
        answered++;
      }
    } catch (RuntimeException refused) {
      // the budget ran out: the client cannot go on
    }
    assertThat(answered).isLessThan(5);

    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/mcp"))
                    .header("Authorization", "Bearer " + secret)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"tools/list\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(JsonMapper.builder().build().readTree(response.body()).path("type").asString())
        .isEqualTo("/problems/rate-limited");
  }
}
