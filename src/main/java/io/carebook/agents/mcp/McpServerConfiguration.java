package io.carebook.agents.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server at {@value #PATH}: Model Context Protocol over streamable HTTP, stateless (each
 * JSON-RPC message is one POST answered with JSON, no session held in memory), so any app instance
 * answers any call and every call passes the {@code /api/**} security chain on its own: the API key
 * (bearer), the organization's rate limit, and the agent's tenant scope for the audit.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

  static final String PATH = io.carebook.agents.McpAddress.PATH;

  /** JSON-RPC messages are small; anything larger is refused before it is read (413). */
  private static final int LARGEST_MESSAGE = 256 * 1024;

  private static final String INSTRUCTIONS =
      """
      Carebook's tools for one clinic, acting with the clinic's API key and only as far as the \
      key's permissions allow; every change is recorded as this agent's.
      Start with clinic_info (hours, services, prices, address, FAQ). To book: find_availability \
      (or negotiate with the patient's wished time), then book_appointment with the chosen \
      slotId and the patient's name and phone (or patient_id). upcoming_appointments finds a \
      patient's bookings by phone, for confirm_appointment, move_appointment and \
      cancel_appointment. check_in_patient is for a patient who has arrived.
      Times: every time carries the clinic's offset and local date and time; starts_at takes \
      either form. A refusal is a tool error carrying a problem: type, detail, and for bookings \
      the rule that refused (policy) with alternatives to offer. Never invent ids: use those the \
      tools gave.""";

  @Bean
  HttpServletStatelessServerTransport mcpTransport() {
    return HttpServletStatelessServerTransport.builder()
        .messageEndpoint(PATH)
        .maxRequestSize(LARGEST_MESSAGE)
        .build();
  }

  /** Mapped exactly, so the DispatcherServlet keeps the rest of /api and the chain sees it too. */
  @Bean
  ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
      HttpServletStatelessServerTransport transport) {
    var registration = new ServletRegistrationBean<>(transport, PATH);
    registration.setName("mcp");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /**
   * Tools run on the request's thread ({@code immediateExecution}), inside the scope the security
   * chain bound: see {@link AgentCalls}.
   */
  @Bean(destroyMethod = "close")
  McpStatelessSyncServer mcpServer(
      HttpServletStatelessServerTransport transport,
      List<ToolSpecs.Tools> tools,
      ClinicResources resources) {
    return McpServer.sync(transport)
        .serverInfo("carebook", "1.0")
        .instructions(INSTRUCTIONS)
        .capabilities(
            McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
        .tools(tools.stream().flatMap(t -> t.tools().stream()).toList())
        .resources(resources.resources())
        .immediateExecution(true)
        // the tools check their own arguments, answering problems field by field (Arguments)
        .validateToolInputs(false)
        .requestTimeout(Duration.ofSeconds(60))
        .build();
  }
}
