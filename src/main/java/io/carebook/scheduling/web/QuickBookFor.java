package io.carebook.scheduling.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * Issue 19 (wainbox): booking for a patient from a conversation of the staff inbox. The inbox opens
 * {@code /calendar/for?fullName=&phone=&back=/inbox/…}: the person picks a free slot as always, the
 * quick-book form comes prefilled with the patient's name and phone (the same form, calendar and
 * booking rules) and posts through the inbox ({@link #bookPath}), and a booking made returns to the
 * conversation, where the inbox writes it into the transcript. Kept in the web session until booked
 * or closed; {@code back} is only ever a path of the inbox.
 */
record QuickBookFor(String fullName, String phone, String back) implements Serializable {

  static final String ATTRIBUTE = "carebook.quickBookFor";
  private static final Pattern INBOX_PATH = Pattern.compile("/inbox/[0-9a-fA-F-]{36}");
  private static final Pattern INBOX_BOOKING = Pattern.compile("/inbox/([0-9a-fA-F-]{36})/book$");

  /** Remembers whom the next quick-book is for; a {@code back} outside the inbox is refused. */
  static void remember(HttpSession session, String fullName, String phone, String back) {
    if (!INBOX_PATH.matcher(back).matches()) {
      throw new io.carebook.shared.NotFoundException("Conversation");
    }
    session.setAttribute(ATTRIBUTE, new QuickBookFor(fullName.strip(), phone.strip(), back));
  }

  static @Nullable QuickBookFor of(HttpSession session) {
    return session.getAttribute(ATTRIBUTE) instanceof QuickBookFor f ? f : null;
  }

  /** Fills the quick-book form with the patient, unless the form already has what was typed. */
  static void prefill(HttpSession session, Model model) {
    var forPatient = of(session);
    if (forPatient != null) {
      model.addAttribute("bookingFor", forPatient);
      if (!model.containsAttribute("typed")) {
        model.addAttribute(
            "typed",
            new HashMap<>(Map.of("fullName", forPatient.fullName(), "phone", forPatient.phone())));
      }
    }
  }

  /**
   * Where the quick-book form of a conversation posts: the inbox checks the conversation is the
   * clinic's and forwards the form to {@code /calendar/book} unchanged.
   */
  public String bookPath() {
    return back + "/book";
  }

  /**
   * The conversation whose quick-book form the inbox forwarded here ({@link #bookPath}), else null:
   * only a forward inside the server names one, never a parameter a client sends.
   */
  static @Nullable String conversationForwarding(HttpServletRequest request) {
    if (request.getDispatcherType() != DispatcherType.FORWARD
        || !(request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String uri)) {
      return null;
    }
    var booking = INBOX_BOOKING.matcher(uri);
    return booking.find() ? booking.group(1) : null;
  }

  /** Where a booking made for a conversation returns (and forgets it), else null. */
  static @Nullable String returnAfterBooking(HttpSession session) {
    var forPatient = of(session);
    if (forPatient == null) {
      return null;
    }
    session.removeAttribute(ATTRIBUTE);
    return forPatient.back();
  }
}
