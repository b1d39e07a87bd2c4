package io.carebook.webhooks.web;

import io.carebook.shared.Ids;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.webhooks.WebhookEndpoints;
import io.carebook.webhooks.WebhookEndpoints.Draft;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owners' developer page (issue 20): what an integrator or an agent platform needs in one place
 * — the API keys (on their own page), the webhook endpoints with their delivery log, the MCP
 * address with a client configuration to copy, and the OpenAPI and FHIR documents.
 */
@Controller
class DeveloperPage {

  private final WebhookEndpoints endpoints;
  private final Permissions permissions;
  private final String baseUrl;
  private final boolean apiDocs;

  DeveloperPage(
      WebhookEndpoints endpoints,
      Permissions permissions,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl,
      @Value("${springdoc.api-docs.enabled:true}") boolean apiDocs) {
    this.endpoints = endpoints;
    this.permissions = permissions;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiDocs = apiDocs;
  }

  @GetMapping("/developer")
  String page(Model model) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    model.addAttribute("endpoints", endpoints.list(WebhookEndpointsPage.MAX, null).items());
    model.addAttribute("eventTypes", WebhookEndpoints.eventTypes());
    model.addAttribute("mcpUrl", mcpUrl());
    model.addAttribute("mcpConfig", mcpConfig());
    model.addAttribute("apiDocs", apiDocs);
    model.addAttribute("fhirMetadata", baseUrl + "/api/fhir/r4/metadata");
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new EndpointForm("", "", List.of()));
    }
    return "webhooks/developer";
  }

  /** What the new endpoint form sent, kept to show it again with its problems. */
  record EndpointForm(String url, String description, List<String> eventTypes)
      implements java.io.Serializable {}

  @PostMapping("/developer/endpoints")
  String create(
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(required = false) @Nullable List<String> eventTypes,
      RedirectAttributes redirect) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    var types = eventTypes == null ? List.<String>of() : eventTypes;
    try {
      var created = endpoints.create(new Draft(url, description, types));
      redirect.addFlashAttribute("secret", created.secret()); // flashes live in the session
      return "redirect:/developer/endpoints/" + created.endpoint().id();
    } catch (ProblemException e) {
      if (e.errors().isEmpty()) {
        throw e;
      }
      redirect.addFlashAttribute("errors", WebhookEndpointsPage.byField(e));
      redirect.addFlashAttribute("form", new EndpointForm(url, description, types));
      return "redirect:/developer#new-endpoint";
    }
  }

  String mcpUrl() {
    return baseUrl + "/api/mcp";
  }

  /** The configuration an MCP client takes (streamable HTTP with a bearer key), to copy. */
  String mcpConfig() {
    return """
        {
          "mcpServers": {
            "carebook": {
              "type": "http",
              "url": "%s",
              "headers": {
                "Authorization": "Bearer <your API key>"
              }
            }
          }
        }"""
        .formatted(mcpUrl());
  }

  static UUID id(String id) {
    return Ids.parse(id, "Webhook endpoint");
  }
}
