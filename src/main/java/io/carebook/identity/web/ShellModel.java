package io.carebook.identity.web;

import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.members.CurrentMember;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, where, and the page's language. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

  private final boolean devOutbox;
  private final boolean devPages;
  private final Organizations organizations;
  private final Clock clock;

  ShellModel(
      @Value("${carebook.dev.outbox-page:false}") boolean devOutbox,
      @Value("${carebook.dev:false}") boolean devPages,
      Organizations organizations,
      Clock clock) {
    this.devPages = devPages;
    this.devOutbox = devOutbox && devPages;
    this.organizations = organizations;
    this.clock = clock;
  }

  /**
   * Every attribute a page's layout reads, each unless the handler's model has it already (as a
   * {@code @ModelAttribute("name")} method would). Not for the API: an answer under {@code /api/}
   * renders no layout, and before this one method (with nine, each its own reflective call) every
   * API request, a GET of availability too, paid for them, the active clinic's read among them — a
   * transaction of its own (issue 18, the request edge's cost).
   */
  @ModelAttribute
  void shell(Model model, HttpServletRequest request) {
    if (request.getRequestURI().startsWith("/api/")) {
      return;
    }
    add(model, "readOnly", this::readOnly);
    add(model, "member", this::member);
    add(model, "allowed", this::allowed);
    add(model, "lang", this::lang);
    add(model, "here", () -> here(request));
    add(model, "rtl", this::rtl);
    add(model, "devOutbox", this::devOutbox);
    add(model, "devPages", this::devPages);
    add(model, "inboxOnly", this::inboxOnly);
  }

  private static void add(Model model, String name, Supplier<@Nullable Object> value) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, value.get());
    }
  }

  /**
   * The subscription status of the active clinic when it may only be read now (its subscription
   * ended, lapsed or was suspended), else null: every page says so, and pages hide the actions that
   * would be refused.
   */
  @Nullable String readOnly() {
    if (TenantContext.current().map(TenantContext.Scope::clinic).isEmpty()) {
      return null;
    }
    var clinic = organizations.activeClinic();
    return clinic.writable(clock.instant()) ? null : clinic.subscriptionStatus().name();
  }

  @Nullable CurrentMember member() {
    return CurrentMember.current().orElse(null);
  }

  /** The actions outside any visit that the member may take here, for the menu. */
  Set<String> allowed() {
    var active = CurrentMember.current().map(CurrentMember::active);
    if (active.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(Action.values())
        .filter(a -> PermissionMatrix.allows(active.get().roles(), a, VisitState.NONE))
        .map(Action::name)
        .collect(Collectors.toSet());
  }

  String lang() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  /** This page's address without its {@code lang=}: where the language menu returns to. */
  String here(HttpServletRequest request) {
    var query = request.getQueryString();
    return LanguageMenu.here(request.getRequestURI() + (query == null ? "" : "?" + query));
  }

  boolean rtl() {
    return "ar".equals(lang());
  }

  /** Links to the developer outbox: in developer mode only, and only with that page on. */
  boolean devOutbox() {
    return devOutbox;
  }

  /**
   * Links to developer pages such as the demo authenticator: in developer mode only ({@code
   * carebook.dev}), never on a production sign-in page.
   */
  boolean devPages() {
    return devPages;
  }

  /**
   * Issue 19 (wainbox): whether the member is only a remote assistant here, whose menu shows the
   * inbox and the calendar alone ({@link RemoteAssistantReach}).
   */
  boolean inboxOnly() {
    return RemoteAssistantReach.onlyRemote();
  }
}
