package io.carebook.notifications;

import io.carebook.shared.ProblemException;
import io.carebook.tenancy.SubscriptionStatus;
import java.util.Arrays;
import java.util.List;

/**
 * What a message is about. Its name is stored on the outbox row, keys its built-in wording ({@code
 * notifications.kind.<NAME>}) and, in lower case, names its approved WhatsApp template.
 */
public enum MessageKind {
  // to patients, about their appointments and visits: a clinic may reword these
  APPOINTMENT_BOOKED,
  APPOINTMENT_REMINDER,
  APPOINTMENT_RESCHEDULED,
  APPOINTMENT_CANCELED,
  WAITLIST_OFFER,
  VISIT_FOLLOW_UP,
  PRESCRIPTION_COPY,
  PAYMENT_LINK,
  RECEIPT,
  // one-time links and codes
  BOOKING_CODE,
  EMAIL_CONFIRMATION,
  INVITATION,
  PASSWORD_RESET,
  SIGN_IN_LINK,
  // to owners
  CODES_THROTTLED,
  TRIAL_ENDING,
  SUBSCRIPTION_TRIAL,
  SUBSCRIPTION_ACTIVE,
  SUBSCRIPTION_PAST_DUE,
  SUBSCRIPTION_CANCELED,
  SUBSCRIPTION_EXPIRED,
  SUBSCRIPTION_SUSPENDED,
  // a patient's reply, by what it asked for
  REPLY_CONFIRM,
  REPLY_CANCEL,
  REPLY_STOP,
  REPLY_START,
  REPLY_OTHER,
  // the clinic's short answer to a reply
  REPLY_ANSWER,
  // a message of a conversation with the patient (issue 19): the bot's or a person's answer, as
  // free text or an interactive list or buttons, inside WhatsApp's 24-hour window
  CONVERSATION;

  /** The kinds whose wording a clinic may change, in the order the settings page lists them. */
  public static final List<MessageKind> WORDED =
      List.of(
          APPOINTMENT_BOOKED,
          APPOINTMENT_REMINDER,
          APPOINTMENT_RESCHEDULED,
          APPOINTMENT_CANCELED,
          WAITLIST_OFFER,
          VISIT_FOLLOW_UP,
          PRESCRIPTION_COPY,
          PAYMENT_LINK,
          RECEIPT);

  /** A kind a clinic may reword, named in a request; anything else is refused as invalid. */
  public static MessageKind worded(String name) {
    return Arrays.stream(values())
        .filter(kind -> kind.name().equals(name) && WORDED.contains(kind))
        .findFirst()
        .orElseThrow(() -> ProblemException.invalid("kind", "must be one of " + WORDED));
  }

  static MessageKind subscription(SubscriptionStatus status) {
    return valueOf("SUBSCRIPTION_" + status.name());
  }

  static MessageKind reply(ReplyKeywords intent) {
    return valueOf("REPLY_" + intent.name());
  }
}
