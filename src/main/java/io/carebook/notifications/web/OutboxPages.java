package io.carebook.notifications.web;

import io.carebook.audit.AuditTrail;
import io.carebook.notifications.Outbox;
import io.carebook.notifications.OutboxMessage;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantSweep;
import io.carebook.tenancy.TenantTransactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox: the active clinic's messages, for its owners and managers ({@link
 * Action#VIEW_MESSAGES}), one-time links and codes masked, each read logged like a chart view; and
 * — only on a developer's machine, where nothing is really sent — every organization's messages as
 * sent, so sign-up links can be followed.
 */
@Controller
class OutboxPages {

  private final Outbox outbox;
  private final TenantSweep sweep;
  private final TenantTransactions tenants;
  private final Permissions permissions;
  private final AuditTrail audit;
  private final boolean devOutbox;
  private final OutboxLinks links = new OutboxLinks();

  OutboxPages(
      Outbox outbox,
      TenantSweep sweep,
      TenantTransactions tenants,
      Permissions permissions,
      AuditTrail audit,
      @Value("${carebook.dev.outbox-page:false}") boolean devOutbox) {
    this.outbox = outbox;
    this.sweep = sweep;
    this.tenants = tenants;
    this.permissions = permissions;
    this.audit = audit;
    this.devOutbox = devOutbox;
  }

  /** A message with its body ready to show: escaped, links clickable. */
  record MessageView(OutboxMessage message, String bodyHtml) {}

  /** Messages on one page of the outbox; newer and older pages are a link away. */
  static final int PAGE = 50;

  /** The pages an outbox may be paged back through (100 000 messages). */
  static final int LAST_PAGE = 2000;

  @GetMapping("/outbox")
  String clinicOutbox(
      @RequestParam(name = "page", defaultValue = "1") String pageParam, Model model) {
    permissions.require(Action.VIEW_MESSAGES);
    var page = pageNumber(pageParam);
    var clinic = TenantContext.clinic();
    audit.viewed("outbox_messages", clinic.toString(), null);
    // one more than a page tells whether an older page exists
    var found = outbox.page(clinic, (page - 1) * PAGE, PAGE + 1);
    model.addAttribute("messages", views(found.stream().limit(PAGE).toList()));
    model.addAttribute("newerPage", page > 1 ? page - 1 : null);
    model.addAttribute("olderPage", found.size() > PAGE && page < LAST_PAGE ? page + 1 : null);
    model.addAttribute("pageNumber", page);
    model.addAttribute("dev", false);
    return "notifications/outbox";
  }

  /** The page asked for: a whole number from 1; anything else is a bad request. */
  static int pageNumber(String text) {
    int page;
    try {
      page = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      page = 0;
    }
    if (page < 1 || page > LAST_PAGE) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "invalid-input",
          "The page is a whole number from 1 to " + LAST_PAGE + ".");
    }
    return page;
  }

  @GetMapping("/dev/outbox")
  String devOutbox(Model model) {
    if (!devOutbox) {
      throw new NotFoundException("Page");
    }
    var all = new ArrayList<OutboxMessage>();
    sweep.active("The development outbox", tenant -> all.addAll(outbox.revealed(20)));
    all.addAll(tenants.call(TenantId.PLATFORM, () -> outbox.revealed(20)));
    all.sort(Comparator.comparing(OutboxMessage::createdAt).reversed());
    model.addAttribute("messages", views(all.stream().limit(100).toList()));
    model.addAttribute("dev", true);
    return "notifications/outbox";
  }

  private List<MessageView> views(List<OutboxMessage> messages) {
    return messages.stream().map(m -> new MessageView(m, links.linkify(m.body()))).toList();
  }
}
