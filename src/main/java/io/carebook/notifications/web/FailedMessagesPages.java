package io.carebook.notifications.web;

import io.carebook.notifications.Outbox;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dead letters: messages that failed after every retry, each one click from a resend. */
@Controller
class FailedMessagesPages {

  private final Outbox outbox;
  private final Permissions permissions;
  private final OutboxLinks links = new OutboxLinks();

  FailedMessagesPages(Outbox outbox, Permissions permissions) {
    this.outbox = outbox;
    this.permissions = permissions;
  }

  @GetMapping("/messages/failed")
  String failed(Model model) {
    permissions.require(Action.BOOKING);
    model.addAttribute(
        "messages",
        outbox.failed(100).stream()
            .map(m -> new OutboxPages.MessageView(m, links.linkify(m.body())))
            .toList());
    return "notifications/failed";
  }

  @PostMapping("/messages/{id}/resend")
  String resend(@PathVariable String id, RedirectAttributes redirect) {
    permissions.require(Action.BOOKING);
    try {
      outbox.resend(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Message");
    }
    redirect.addFlashAttribute("resent", true);
    return "redirect:/messages/failed";
  }
}
