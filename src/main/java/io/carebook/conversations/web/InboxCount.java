package io.carebook.conversations.web;

import io.carebook.conversations.inbox.InboxQueries;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The menu's count of conversations waiting for a person, on every staff page of a member who may
 * answer them; not computed for the API, for htmx fragments, or for anyone else.
 */
@ControllerAdvice(annotations = Controller.class)
class InboxCount {

  private final InboxQueries inbox;
  private final Permissions permissions;

  InboxCount(InboxQueries inbox, Permissions permissions) {
    this.inbox = inbox;
    this.permissions = permissions;
  }

  @ModelAttribute("inboxWaiting")
  @Nullable Long waiting(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getHeader("HX-Request") != null
        || request.getRequestURI().startsWith("/api/")
        || TenantContext.current().map(TenantContext.Scope::clinic).isEmpty()
        || !permissions.allows(Action.INBOX)) {
      return null;
    }
    return inbox.waiting(TenantContext.clinic());
  }
}
