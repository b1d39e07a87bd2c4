package io.carebook.frontdesk.web;

import io.carebook.frontdesk.WaitingRoom;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The waiting-room screen, full-screen and live, in the clinic's language: at {@code /desk/tv} for
 * a signed-in member, and at a secret {@code /tv/<link>} that a television opens without signing
 * in. The link is made (and replaced) by a member who manages the clinic's settings, on the screen
 * settings at {@code /desk/tv/settings}.
 */
@Controller
class WaitingRoomPages {

  private final WaitingRoom waitingRoom;
  private final LiveBoards boards;
  private final Permissions permissions;
  private final org.thymeleaf.ITemplateEngine templates;
  private final java.util.Map<java.util.UUID, Render> renders =
      new java.util.concurrent.ConcurrentHashMap<>();

  WaitingRoomPages(
      WaitingRoom waitingRoom,
      LiveBoards boards,
      Permissions permissions,
      org.thymeleaf.ITemplateEngine templates) {
    this.waitingRoom = waitingRoom;
    this.boards = boards;
    this.permissions = permissions;
    this.templates = templates;
  }

  @GetMapping("/desk/tv")
  String screen(HttpServletRequest request, Model model) {
    return show(waitingRoom.screen(), "/desk/tv", request, model, "frontdesk/tv");
  }

  @GetMapping("/desk/tv/screen")
  String part(HttpServletRequest request, Model model) {
    return show(waitingRoom.screen(), "/desk/tv", request, model, "frontdesk/tv :: screen");
  }

  @GetMapping(path = "/desk/tv/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() {
    permissions.require(Action.PATIENT_VIEW);
    return boards.open(TenantContext.clinic());
  }

  @GetMapping("/tv/{link}")
  String linked(@PathVariable String link, HttpServletRequest request, Model model) {
    var screen = waitingRoom.screen(link).orElseThrow(() -> new NotFoundException("Screen"));
    return show(screen, "/tv/" + link, request, model, "frontdesk/tv");
  }

  @GetMapping("/tv/{link}/screen")
  String linkedPart(@PathVariable String link, HttpServletRequest request, Model model) {
    var screen = waitingRoom.screen(link).orElseThrow(() -> new NotFoundException("Screen"));
    return show(screen, "/tv/" + link, request, model, "frontdesk/tv :: screen");
  }

  /**
   * The screen's stream: each change of the queue sends the screen itself, rendered once per change
   * for every screen of the clinic on this instance.
   */
  @GetMapping(path = "/tv/{link}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter linkedStream(@PathVariable String link) {
    var route = waitingRoom.clinicOf(link).orElseThrow(() -> new NotFoundException("Screen"));
    return boards.open(route.clinic(), changedAt -> rendered(link, route.clinic()));
  }

  private String rendered(String link, io.carebook.shared.ClinicId clinic) {
    var screen = waitingRoom.screen(link).orElse(null);
    if (screen == null) {
      return ""; // the link was replaced: the page's next fetch says so
    }
    var known = renders.get(clinic.value());
    if (known != null && known.screen() == screen) {
      return known.html();
    }
    var context =
        new org.thymeleaf.context.Context(
            screen.locale(), java.util.Map.of("screen", screen, "base", "/tv/" + link));
    var html = templates.process("frontdesk/tv", java.util.Set.of("screen"), context);
    renders.put(clinic.value(), new Render(screen, html));
    return html;
  }

  /** The screen last rendered for a clinic: the same screen object is the same HTML. */
  private record Render(WaitingRoom.Screen screen, String html) {}

  @GetMapping("/desk/tv/settings")
  String settings(Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    model.addAttribute("firstNames", waitingRoom.firstNames());
    return "frontdesk/tv-settings";
  }

  @PostMapping("/desk/tv/settings")
  String saveSettings(
      @RequestParam(defaultValue = "false") boolean firstNames, RedirectAttributes redirect) {
    waitingRoom.firstNames(firstNames);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/desk/tv/settings";
  }

  @PostMapping("/desk/tv/link")
  String newLink(RedirectAttributes redirect) {
    var path = waitingRoom.newLink();
    redirect.addFlashAttribute(
        "link", ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString());
    return "redirect:/desk/tv/settings";
  }

  /** The screen speaks the clinic's language, whatever the browser's. */
  private static String show(
      WaitingRoom.Screen screen,
      String base,
      HttpServletRequest request,
      Model model,
      String view) {
    request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, screen.locale());
    model.addAttribute("screen", screen);
    model.addAttribute("base", base);
    return view;
  }
}
