package io.carebook.notifications;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Subscriptions;
import io.carebook.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivers one due message inside its tenant's context: through its channel, then the clinic's
 * fallbacks when a channel refuses it for good; a temporary failure is retried with exponential
 * backoff until the last attempt, after which the message is FAILED (the dead letter staff see).
 * With no channel set up the message stays in the built-in outbox, marked sent by the "log"
 * provider.
 */
@Component
class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Outbox outbox;
  private final DeliveryStates states;
  private final NotificationSettings settings;
  private final MessagePreferences preferences;
  private final Organizations organizations;
  private final Subscriptions subscriptions;
  private final TenantTransactions tenants;
  private final List<Channel> channels;
  private final Clock clock;
  private final Encryption encryption;
  private final Duration firstRetry;
  private final int maxAttempts;

  Dispatcher(
      Outbox outbox,
      DeliveryStates states,
      NotificationSettings settings,
      MessagePreferences preferences,
      Organizations organizations,
      Subscriptions subscriptions,
      TenantTransactions tenants,
      List<Channel> channels,
      Clock clock,
      Encryption encryption,
      @Value("${carebook.notifications.first-retry:PT30S}") Duration firstRetry,
      @Value("${carebook.notifications.max-attempts:6}") int maxAttempts) {
    this.outbox = outbox;
    this.states = states;
    this.settings = settings;
    this.preferences = preferences;
    this.organizations = organizations;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.channels = channels;
    this.clock = clock;
    this.encryption = encryption;
    this.firstRetry = firstRetry;
    this.maxAttempts = maxAttempts;
  }

  /**
   * What a delivery needs to know, read in one short transaction; {@code paidLeft}: whether the
   * clinic's plan has SMS and WhatsApp messages left this month.
   */
  private record Job(
      Outbox.Row row, ChannelSettings settings, java.time.ZoneId zone, boolean paidLeft) {}

  static final String PAID_CHANNELS_USED_UP =
      "The plan's SMS and WhatsApp messages for this month are used up.";

  /** Delivers message {@code id}; returns when to try again, or null when it is done with. */
  @Nullable Instant deliver(TenantId tenant, UUID id) {
    if (!TenantId.PLATFORM.equals(tenant)) { // the platform's messages have no clinic settings
      warmUpDataKey(tenant);
    }
    var job = tenants.call(tenant, () -> prepare(id));
    if (job == null) {
      return null;
    }
    var now = clock.instant();
    // quiet hours hold back messages to patients, never a code someone is waiting for, nor an
    // answer to what the patient just wrote (a conversation's message)
    var answer = job.row().message().kind() == MessageKind.CONVERSATION;
    var allowed =
        job.row().patientId() == null || answer
            ? now
            : job.settings().quietHours().defer(now, job.zone());
    if (allowed.isAfter(now)) {
      tenants.run(tenant, () -> states.deferTo(id, allowed));
      return allowed;
    }
    return attempt(tenant, job);
  }

  /**
   * Loads the organization's data key (which the clinic's credentials need) before our transaction
   * begins: a key not yet in memory is read in a transaction of its own, and every sending thread
   * asking for it at once while holding a connection would exhaust the pool (seen on a restart with
   * a backlog).
   */
  private void warmUpDataKey(TenantId tenant) {
    tenants.withoutTransaction(
        tenant,
        () ->
            encryption.encrypt(
                KeyOwner.currentTenant(), "notifications.warm-up", "-", new byte[0]));
  }

  private @Nullable Job prepare(UUID id) {
    var row = outbox.find(id);
    if (row == null
        || row.message().status() != MessageStatus.SCHEDULED
        || row.message().inbound()) {
      return null;
    }
    if (row.patientId() != null
        && row.message().kind() != MessageKind.CONVERSATION // they wrote to us: we answer
        && preferences.optedOut(row.patientId())) {
      states.canceled(id, "The patient opted out of messages.");
      return null;
    }
    var clinic = row.clinicId() == null ? null : new ClinicId(row.clinicId());
    var zone =
        clinic == null
            ? ZoneOffset.UTC
            : organizations.find(clinic).map(c -> c.timezone()).orElse(ZoneOffset.UTC);
    return new Job(
        row,
        clinic == null ? ChannelSettings.defaults() : settings.of(clinic),
        zone,
        clinic == null || paidLeft(clinic, zone));
  }

  /** Whether the clinic's plan allows another SMS or WhatsApp message this (clinic-local) month. */
  private boolean paidLeft(ClinicId clinic, java.time.ZoneId zone) {
    var limit = subscriptions.plan(clinic).messagesPerMonth();
    if (limit == Integer.MAX_VALUE) {
      return true;
    }
    var month =
        clock.instant().atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    return outbox.paidSentSince(clinic, month, limit) < limit;
  }

  private @Nullable Instant attempt(TenantId tenant, Job job) {
    var id = job.row().message().id();
    var route = route(job);
    if (route.isEmpty() && !job.paidLeft() && !route(job, true).isEmpty()) {
      // the message could go by SMS or WhatsApp, but the plan's are used up and nothing else
      // reaches
      tenants.run(tenant, () -> states.failed(id, PAID_CHANNELS_USED_UP, true));
      return null;
    }
    if (route.isEmpty()) {
      tenants.run(tenant, () -> states.sent(id, job.row().message().channel(), LOG));
      return null;
    }
    Channel.DeliveryFailed last = null;
    for (var channel : route) {
      try {
        var sent =
            tenants.withoutTransaction(tenant, () -> channel.send(job.row(), job.settings()));
        tenants.run(tenant, () -> states.sent(id, channel.channel(), sent));
        return null;
      } catch (Channel.DeliveryFailed failure) {
        log.info("Message {} not sent by {}: {}", id, channel.channel(), failure.getMessage());
        last = failure;
        if (failure.temporary()) {
          break;
        }
      }
    }
    return failed(tenant, job.row().message(), last);
  }

  private @Nullable Instant failed(
      TenantId tenant, OutboxMessage message, Channel.DeliveryFailed f) {
    var attempts = message.attempts() + 1;
    if (!f.temporary() || attempts >= maxAttempts) {
      tenants.run(tenant, () -> states.failed(message.id(), f.getMessage(), true));
      return null;
    }
    var next = clock.instant().plus(firstRetry.multipliedBy(1L << (attempts - 1)));
    tenants.run(tenant, () -> states.retryAt(message.id(), f.getMessage(), next));
    return next;
  }

  /**
   * The message's own channel first, then the clinic's other channels that reach its address;
   * without SMS and WhatsApp when the plan's are used up this month.
   */
  private List<Channel> route(Job job) {
    return route(job, job.paidLeft());
  }

  private List<Channel> route(Job job, boolean paidLeft) {
    var message = job.row().message();
    var phone = message.recipient().startsWith("+");
    var order = new ArrayList<MessageChannel>();
    order.add(message.channel());
    job.settings().channels().stream()
        .map(MessageChannel::valueOf)
        .filter(c -> c != message.channel())
        .filter(c -> phone == c.toPhone())
        .forEach(order::add);
    return order.stream()
        .flatMap(wanted -> channels.stream().filter(c -> c.channel() == wanted))
        .filter(c -> c.ready(job.settings()))
        .filter(c -> paidLeft || !c.channel().toPhone())
        .toList();
  }

  private static final Channel.Sent LOG = new Channel.Sent("log", null);
}
