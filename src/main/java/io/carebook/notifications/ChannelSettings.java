package io.carebook.notifications;

import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's messaging settings, credentials decrypted. No channel listed: every message goes to
 * the built-in outbox only.
 */
public record ChannelSettings(
    List<Integer> reminderMinutes,
    @Nullable LocalTime quietFrom,
    @Nullable LocalTime quietUntil,
    List<String> channels,
    @Nullable String smsAccountSid,
    @Nullable String smsFrom,
    @Nullable String smsAuthToken,
    @Nullable String whatsappPhoneNumberId,
    @Nullable String whatsappAccessToken,
    @Nullable String whatsappAppSecret,
    @Nullable String whatsappVerifyToken,
    int version) {

  public static final List<Integer> DEFAULT_REMINDERS = List.of(48 * 60, 120);

  static ChannelSettings defaults() {
    return new ChannelSettings(
        DEFAULT_REMINDERS, null, null, List.of(), null, null, null, null, null, null, null, -1);
  }

  boolean smsReady() {
    return smsAccountSid != null && smsFrom != null && smsAuthToken != null;
  }

  boolean whatsappReady() {
    return whatsappPhoneNumberId != null && whatsappAccessToken != null;
  }

  QuietHours quietHours() {
    return new QuietHours(quietFrom, quietUntil);
  }
}
