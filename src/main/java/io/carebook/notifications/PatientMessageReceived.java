package io.carebook.notifications;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A patient wrote to a clinic by WhatsApp or SMS, and it was not a reply to a reminder: published
 * once per provider message (a repeated delivery publishes nothing), for the conversation to carry
 * on. {@code from} is the sender's number in E.164; {@code text} what they typed, or the title of
 * the row or button they tapped, whose id is {@code interactiveReplyId} (a list row's or reply
 * button's id, or a template button's payload).
 */
public record PatientMessageReceived(
    TenantId tenantId,
    ClinicId clinicId,
    MessageChannel channel,
    String from,
    String text,
    @Nullable String interactiveReplyId,
    @Nullable String providerMessageId,
    Instant receivedAt)
    implements TenantScoped {}
