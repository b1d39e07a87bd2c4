package io.carebook.notifications.web;

import io.carebook.audit.AuditTrail;
import io.carebook.notifications.Outbox;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dead letters of the active clinic: messages that failed after every retry, each one click
 * from a resend; read by owners and managers ({@link Action#VIEW_MESSAGES}), one-time links and
 * codes masked, each read logged.
 */
@Controller
class FailedMessagesPages {

  private final Outbox outbox;
  private final Permissions permissions;
  private final AuditTrail audit;
  private final OutboxLinks links = new OutboxLinks();

  FailedMessagesPages(Outbox outbox, Permissions permissions, AuditTrail audit) {
    this.outbox = outbox;
    this.permissions = permissions;
    this.audit = audit;
  }

  @GetMapping("/messages/failed")
  String failed(Model model) {
    permissions.require(Action.VIEW_MESSAGES);
    var clinic = TenantContext.clinic();
    audit.viewed("outbox_messages", clinic.toString(), null);
    model.addAttribute(
        "messages",
        outbox.failed(clinic, 100).stream()
            .map(m -> new OutboxPages.MessageView(m, links.linkify(m.body())))
            .toList());
    return "notifications/failed";
  }

  @PostMapping("/messages/{id}/resend")
  String resend(@PathVariable String id, RedirectAttributes redirect) {
    permissions.require(Action.VIEW_MESSAGES);
    try {
      outbox.resend(TenantContext.clinic(), UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Message");
    }
    redirect.addFlashAttribute("resent", true);
    return "redirect:/messages/failed";
  }
}
