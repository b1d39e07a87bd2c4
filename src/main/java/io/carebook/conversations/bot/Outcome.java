package io.carebook.conversations.bot;

import io.carebook.patients.Patient.PatientId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a turn comes to: the bot's replies, its next place, the conversation's language and patient,
 * and, when the bot should not carry on, why a person is asked for.
 */
final class Outcome {

  final List<Reply> replies = new ArrayList<>();
  Step next;
  Locale locale;
  @Nullable PatientId patient;
  @Nullable String personReason;

  Outcome(Talk talk) {
    this.next = talk.step();
    this.locale = talk.locale();
    this.patient = talk.conversation().patientId();
  }

  Outcome say(Reply reply) {
    replies.add(reply);
    return this;
  }

  Outcome say(String text) {
    return say(Reply.text(text));
  }

  Outcome then(Step step) {
    this.next = step;
    return this;
  }

  Outcome person(String reason) {
    this.personReason = reason;
    return this;
  }
}
