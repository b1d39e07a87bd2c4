package io.carebook.conversations.web;

import io.carebook.audit.AuditTrail;
import io.carebook.conversations.Author;
import io.carebook.conversations.ConversationId;
import io.carebook.conversations.ConversationState;
import io.carebook.conversations.Conversations;
import io.carebook.conversations.inbox.InboxQueries;
import io.carebook.identity.Staff;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff inbox ({@link Action#INBOX}): the active clinic's conversations that wait for a person
 * first, and one conversation's transcript with its actions — take over, reply through the same
 * channel, book for the patient in the calendar, hand back to the bot, close. Both pages refresh
 * their lists by htmx polling. Each action goes through {@link Conversations}, which writes who
 * acted into the transcript; another clinic's or organization's conversation answers 404.
 */
@Controller
class InboxPages {

  private static final int MAX_REPLY = 4096; // WhatsApp's limit for a text message
  private static final DateTimeFormatter BOOKED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> KNOWN_PROBLEMS =
      Set.of("outside-service-window", "conversation-closed", "invalid-input", "read-only");

  private final InboxQueries inbox;
  private final InboxViews views;
  private final Conversations conversations;
  private final Permissions permissions;
  private final AuditTrail audit;
  private final Scheduling scheduling;
  private final Organizations organizations;
  private final Clock clock;

  InboxPages(
      InboxQueries inbox,
      InboxViews views,
      Conversations conversations,
      Permissions permissions,
      AuditTrail audit,
      Scheduling scheduling,
      Organizations organizations,
      Clock clock) {
    this.inbox = inbox;
    this.views = views;
    this.conversations = conversations;
    this.permissions = permissions;
    this.audit = audit;
    this.scheduling = scheduling;
    this.organizations = organizations;
    this.clock = clock;
  }

  @GetMapping("/inbox")
  String queue(Model model) {
    permissions.require(Action.INBOX);
    model.addAttribute("rows", views.rows(inbox.queue(TenantContext.clinic(), clock.instant())));
    return "conversations/inbox";
  }

  /** The queue alone, polled by the inbox page. */
  @GetMapping("/inbox/rows")
  String rows(Model model) {
    queue(model);
    return "conversations/inbox :: rows";
  }

  @GetMapping("/inbox/{id}")
  String conversation(@PathVariable String id, Model model) {
    permissions.require(Action.INBOX);
    var conversation = views.conversation(found(id));
    audit.viewed("conversations", id, conversation.c().patientId());
    model.addAttribute("conversation", conversation);
    model.addAttribute("lines", views.lines(inbox.transcript(conversation.c().id())));
    model.addAttribute("me", me().value());
    return "conversations/inbox-conversation";
  }

  /** The transcript and the conversation's state, polled by its page. */
  @GetMapping("/inbox/{id}/transcript")
  String transcript(@PathVariable String id, Model model) {
    permissions.require(Action.INBOX);
    var conversation = views.conversation(found(id));
    model.addAttribute("conversation", conversation);
    model.addAttribute("lines", views.lines(inbox.transcript(conversation.c().id())));
    model.addAttribute("me", me().value());
    return "conversations/inbox-conversation :: live";
  }

  @PostMapping("/inbox/{id}/take-over")
  String takeOver(@PathVariable String id, RedirectAttributes redirect) {
    permissions.require(Action.INBOX);
    var conversation = found(id);
    return act(id, redirect, () -> conversations.takeOver(conversationId(conversation), me()));
  }

  @PostMapping("/inbox/{id}/reply")
  String reply(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String text,
      RedirectAttributes redirect) {
    permissions.require(Action.INBOX);
    var conversation = found(id);
    if (text.isBlank() || text.length() > MAX_REPLY) {
      redirect.addFlashAttribute("problem", "reply-length");
      redirect.addFlashAttribute("draft", text);
      return back(id);
    }
    var by = me();
    return act(
        id,
        redirect,
        () -> {
          if (conversation.state() != ConversationState.PERSON) {
            conversations.takeOver(conversationId(conversation), by); // replying takes it over
          }
          conversations.send(conversationId(conversation), text.strip(), Author.PERSON, by.value());
        });
  }

  @PostMapping("/inbox/{id}/hand-back")
  String handBack(@PathVariable String id, RedirectAttributes redirect) {
    permissions.require(Action.INBOX);
    var conversation = found(id);
    return act(id, redirect, () -> conversations.handBack(conversationId(conversation), me()));
  }

  /**
   * The conversation is over (nothing is sent to the patient): it leaves the queue, and the
   * patient's next message opens a new conversation, with the assistant if the clinic has it on.
   */
  @PostMapping("/inbox/{id}/close")
  String close(@PathVariable String id, RedirectAttributes redirect) {
    permissions.require(Action.INBOX);
    var conversation = found(id);
    return act(id, redirect, () -> conversations.close(conversationId(conversation), me()));
  }

  /** The calendar, to book for the conversation's patient with the quick-book form prefilled. */
  @GetMapping("/inbox/{id}/book")
  String book(@PathVariable String id) {
    permissions.require(Action.BOOKING);
    var conversation = views.conversation(found(id));
    var name = conversation.patientName() == null ? "" : conversation.patientName();
    // encoded by hand: a phone's "+" left as it is would reach the calendar as a space
    return "redirect:/calendar/for?fullName="
        + encode(name)
        + "&phone="
        + encode(conversation.c().phone())
        + "&back="
        + encode("/inbox/" + conversation.c().id());
  }

  /**
   * The quick-book form of a conversation posts here: another clinic's or organization's
   * conversation answers 404 before anything is booked; the calendar books it as any quick-book
   * (the same rules and answers) and forwards a booking made to {@link #booked}.
   */
  @PostMapping("/inbox/{id}/book")
  String bookFor(@PathVariable String id) {
    permissions.require(Action.BOOKING);
    found(id);
    return "forward:/calendar/book";
  }

  /**
   * A booking made from the conversation's quick-book: "Booked: doctor, time" joins the transcript,
   * in its own transaction after the booking's. Reached only by the calendar's forward (a request
   * from outside answers 404).
   */
  @PostMapping("/inbox/{id}/booked")
  String booked(
      @PathVariable String id,
      @RequestParam UUID appointmentId,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    if (request.getDispatcherType() != DispatcherType.FORWARD) {
      throw new NotFoundException("Conversation");
    }
    var conversation = found(id);
    var appointment = scheduling.get(appointmentId);
    var doctor =
        scheduling.doctors().stream()
            .filter(d -> d.userId().equals(appointment.doctorId()))
            .map(Staff.Member::name)
            .findFirst()
            .orElse("");
    var at =
        BOOKED_AT.format(appointment.startsAt().atZone(organizations.activeClinic().timezone()));
    conversations.recordBooking(conversationId(conversation), me(), InboxViews.booked(doctor, at));
    redirect.addFlashAttribute("booked", true);
    return back(id);
  }

  private String act(String id, RedirectAttributes redirect, Runnable action) {
    try {
      action.run();
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", KNOWN_PROBLEMS.contains(e.kind()) ? e.kind() : "other");
    }
    return back(id);
  }

  private InboxQueries.Conversation found(String id) {
    try {
      return inbox
          .find(TenantContext.clinic(), UUID.fromString(id))
          .orElseThrow(() -> new NotFoundException("Conversation"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Conversation");
    }
  }

  private static ConversationId conversationId(InboxQueries.Conversation conversation) {
    return new ConversationId(conversation.id());
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String back(String id) {
    return "redirect:/inbox/" + id;
  }

  /** The signed-in person acting: pages are never an API key's. */
  private static UserId me() {
    return TenantContext.current()
        .map(TenantContext.Scope::user)
        .orElseThrow(() -> new NotFoundException("Conversation"));
  }
}
