package io.carebook.webhooks;

import io.carebook.tenancy.TenantSweep;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.webhooks.DeliveryQueue.Claimed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due. Every second, for each organization with deliveries due (one
 * claim transaction each, through {@link TenantSweep}), it claims a batch, then sends them (a few
 * at once, on virtual threads, holding no database connection while it waits for a receiver) and
 * records each attempt in a transaction of its own. It keeps nothing in memory between passes: the
 * rows are the queue, so deliveries written before a crash or a restart are sent by whichever
 * worker runs next, and a delivery claimed by a worker that died is taken over once the claim's
 * lease runs out. Two workers never claim the same delivery at once.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  private final DeliveryQueue queue;
  private final WebhookSender sender;
  private final TenantSweep sweep;
  private final TenantTransactions tenants;
  private final WebhookSettings settings;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean passing = new AtomicBoolean();

  DeliveryWorker(
      DeliveryQueue queue,
      WebhookSender sender,
      TenantSweep sweep,
      TenantTransactions tenants,
      WebhookSettings settings,
      Clock clock) {
    this.queue = queue;
    this.sender = sender;
    this.sweep = sweep;
    this.tenants = tenants;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${carebook.webhooks.interval:PT1S}",
      initialDelayString = "${carebook.webhooks.interval:PT1S}")
  void deliverDue() {
    // on a thread of its own: the jobs' scheduler thread never waits for a slow receiver
    if (running.get() && passing.compareAndSet(false, true)) {
      Thread.ofVirtual()
          .name("webhooks")
          .start(
              () -> {
                try {
                  pass();
                } catch (RuntimeException e) {
                  log.warn("A webhook pass failed; the next one retries: {}", e.getMessage(), e);
                } finally {
                  passing.set(false);
                }
              });
    }
  }

  /** One pass: claims what is due in every organization, sends it, records it; answers how many. */
  int pass() {
    var now = clock.instant();
    var claimed = new ArrayList<Claimed>();
    sweep.each(
        "Webhook deliveries",
        queue.dueTenants(now),
        tenant -> claimed.addAll(queue.claim(now, settings.lease, settings.batch)));
    sendAll(claimed);
    return claimed.size();
  }

  private void sendAll(List<Claimed> claimed) {
    var permits = new Semaphore(Math.max(1, settings.concurrency));
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var delivery : claimed) {
        threads.submit(
            () -> {
              permits.acquireUninterruptibly();
              try {
                attempt(delivery);
              } finally {
                permits.release();
              }
            });
      }
    }
  }

  private void attempt(Claimed delivery) {
    var at = clock.instant();
    var outcome = sender.send(delivery, at);
    try {
      tenants.run(
          delivery.tenant(),
          () -> queue.record(delivery, outcome, at, settings.retries, settings.disableAfter));
    } catch (RuntimeException e) {
      // the claim's lease runs out and the delivery is tried again: sent twice, never lost
      log.warn("A webhook attempt could not be recorded; it will be retried: {}", e.getMessage());
    }
  }

  @Override
  public void start() {
    running.set(true);
  }

  @Override
  public void stop() {
    running.set(false);
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }
}
