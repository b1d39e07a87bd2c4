package io.carebook.conversations;

import io.carebook.notifications.MessageChannel;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A patient phone's conversation with a clinic on one channel: who carries it ({@code state},
 * {@code assignedTo} when a person took it over), the patient once known, the language, and when
 * the patient last wrote (which opens WhatsApp's 24-hour customer-service window).
 */
public record Conversation(
    ConversationId id,
    ClinicId clinicId,
    MessageChannel channel,
    String phone,
    @Nullable PatientId patientId,
    Locale locale,
    ConversationState state,
    @Nullable UserId assignedTo,
    @Nullable Instant lastInboundAt,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * WhatsApp's customer-service window: free text may go out until 24 hours after the last message
   * the patient sent.
   */
  public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

  /**
   * Whether free text (not only an approved template) may go to the patient at {@code now}: on
   * WhatsApp within 24 hours of their last message; SMS has no such window.
   */
  public boolean insideServiceWindow(Instant now) {
    if (channel != MessageChannel.WHATSAPP) {
      return true;
    }
    return lastInboundAt != null && lastInboundAt.plus(SERVICE_WINDOW).isAfter(now);
  }
}
