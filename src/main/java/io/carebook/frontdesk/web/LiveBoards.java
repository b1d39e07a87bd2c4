package io.carebook.frontdesk.web;

import io.carebook.frontdesk.QueueSignals;
import io.carebook.shared.ClinicId;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open boards of this instance, each a server-sent event stream. A board gets a {@code queue}
 * event whenever its clinic's queue changes (on any instance, see {@link QueueSignals}) and then
 * fetches what it shows; a comment every 20 seconds keeps proxies from closing an idle stream and
 * finds the boards that went away. A stream ends after an hour and the browser opens it again.
 */
@Component
class LiveBoards implements SmartLifecycle {

  private static final Duration LIFETIME = Duration.ofHours(1);

  private final QueueSignals signals;
  private final Map<SseEmitter, AutoCloseable> open = new ConcurrentHashMap<>();
  private volatile boolean running;

  LiveBoards(QueueSignals signals) {
    this.signals = signals;
  }

  /** A board that fetches what it shows when told the queue changed (a {@code queue} event). */
  SseEmitter open(ClinicId clinic) {
    return open(clinic, null);
  }

  /**
   * A board that is sent what it shows: a {@code screen} event whose data is {@code render}'s
   * answer for the change, so it needs no request of its own (the waiting-room screen, the same for
   * every board of a clinic).
   */
  SseEmitter open(ClinicId clinic, java.util.function.@Nullable LongFunction<String> render) {
    var emitter = new SseEmitter(LIFETIME.toMillis());
    var watch =
        signals.watch(
            clinic,
            changedAt -> {
              if (render == null) {
                send(emitter, "queue", changedAt, Long.toString(changedAt));
              } else {
                send(emitter, "screen", changedAt, render.apply(changedAt));
              }
            });
    open.put(emitter, watch);
    emitter.onCompletion(() -> close(emitter));
    emitter.onTimeout(() -> close(emitter));
    emitter.onError(e -> close(emitter));
    var now = System.currentTimeMillis();
    send(emitter, "ready", now, Long.toString(now));
    return emitter;
  }

  /**
   * Ends every stream before the web server stops taking requests (a higher phase stops first), so
   * a graceful shutdown does not wait for open boards; the browsers reconnect to another instance,
   * or to this one when it is back.
   */
  @Override
  public void stop() {
    running = false;
    open.keySet().forEach(this::close);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Scheduled(fixedDelayString = "PT20S", initialDelayString = "PT20S")
  void keepAlive() {
    for (var emitter : open.keySet()) {
      try {
        emitter.send(SseEmitter.event().comment("alive"));
      } catch (IOException | IllegalStateException e) {
        close(emitter);
      }
    }
  }

  /** An event; its id is when the queue changed (epoch milliseconds). */
  private void send(SseEmitter emitter, String name, long changedAt, String data) {
    try {
      emitter.send(
          SseEmitter.event()
              .name(name)
              .id(Long.toString(changedAt))
              .data(data)
              .reconnectTime(2000));
    } catch (IOException | IllegalStateException e) {
      close(emitter);
    }
  }

  private void close(SseEmitter emitter) {
    var watch = open.remove(emitter);
    if (watch != null) {
      try {
        watch.close();
      } catch (Exception e) {
        // a closed watch stays closed
      }
      emitter.complete();
    }
  }
}
