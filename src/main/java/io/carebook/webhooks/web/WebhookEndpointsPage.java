package io.carebook.webhooks.web;

import io.carebook.shared.Ids;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.webhooks.WebhookEndpoints;
import io.carebook.webhooks.WebhookEndpoints.Draft;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One webhook endpoint on the developer page: its delivery log (status, attempts, next retry, the
 * last answer) with a replay per delivery, one delivery's attempts, the "send a test event" button,
 * turning it off and on, and deleting it.
 */
@Controller
class WebhookEndpointsPage {

  static final int MAX = 100;
  private static final int LOG = 50;

  private final WebhookEndpoints endpoints;
  private final Permissions permissions;

  WebhookEndpointsPage(WebhookEndpoints endpoints, Permissions permissions) {
    this.endpoints = endpoints;
    this.permissions = permissions;
  }

  @GetMapping("/developer/endpoints/{id}")
  String endpoint(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String after,
      Model model) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    var endpointId = DeveloperPage.id(id);
    model.addAttribute("endpoint", endpoints.get(endpointId));
    model.addAttribute("log", endpoints.deliveries(endpointId, LOG, after));
    return "webhooks/endpoint";
  }

  @GetMapping("/developer/endpoints/{id}/deliveries/{deliveryId}")
  String delivery(@PathVariable String id, @PathVariable String deliveryId, Model model) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    var endpointId = DeveloperPage.id(id);
    var delivery = Ids.parse(deliveryId, "Delivery");
    model.addAttribute("endpoint", endpoints.get(endpointId));
    model.addAttribute("delivery", endpoints.delivery(endpointId, delivery));
    model.addAttribute("attempts", endpoints.attempts(endpointId, delivery));
    return "webhooks/delivery";
  }

  @PostMapping("/developer/endpoints/{id}/test")
  String test(@PathVariable String id, RedirectAttributes redirect) {
    var endpointId = DeveloperPage.id(id);
    return act(endpointId, redirect, "testQueued", () -> endpoints.sendTest(endpointId));
  }

  @PostMapping("/developer/endpoints/{id}/deliveries/{deliveryId}/replay")
  String replay(
      @PathVariable String id, @PathVariable String deliveryId, RedirectAttributes redirect) {
    var endpointId = DeveloperPage.id(id);
    var delivery = Ids.parse(deliveryId, "Delivery");
    return act(endpointId, redirect, "replayed", () -> endpoints.replay(endpointId, delivery));
  }

  @PostMapping("/developer/endpoints/{id}/enabled")
  String enabled(
      @PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
    var endpointId = DeveloperPage.id(id);
    return act(
        endpointId,
        redirect,
        enabled ? "turnedOn" : "turnedOff",
        () -> {
          var current = endpoints.get(endpointId);
          endpoints.update(
              endpointId,
              new Draft(current.url(), current.description(), current.eventTypes()),
              enabled,
              current.version());
        });
  }

  @PostMapping("/developer/endpoints/{id}/delete")
  String delete(@PathVariable String id, RedirectAttributes redirect) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    endpoints.delete(DeveloperPage.id(id));
    redirect.addFlashAttribute("deleted", true);
    return "redirect:/developer";
  }

  private String act(UUID endpoint, RedirectAttributes redirect, String done, Runnable action) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    try {
      action.run();
      redirect.addFlashAttribute("done", done);
    } catch (ProblemException e) {
      if (e.status().is5xxServerError() || e.status().value() == 404) {
        throw e;
      }
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/developer/endpoints/" + endpoint;
  }

  /** A problem's field errors by field, for the form that showed them. */
  static Map<String, String> byField(ProblemException e) {
    var errors = new LinkedHashMap<String, String>();
    e.errors()
        .forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
    return errors;
  }
}
