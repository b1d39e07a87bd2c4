package io.carebook.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class McpAddressTests {

  @Test
  void theClientConfigurationIsJsonNamingTheAddressAndNoKey() {
    var json = McpAddress.clientConfiguration("https://clinic.example/");
    var server = JsonMapper.builder().build().readTree(json).path("mcpServers").path("carebook");
    assertThat(server.path("url").asString()).isEqualTo("https://clinic.example/api/mcp");
    assertThat(server.path("type").asString()).isEqualTo("http");
    assertThat(server.path("headers").path("Authorization").asString()).startsWith("Bearer <");
  }
}
