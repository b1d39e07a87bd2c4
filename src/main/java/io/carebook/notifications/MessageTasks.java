package io.carebook.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.carebook.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler task per outgoing message, its instance id the message's id and its data the
 * message's tenant. db-scheduler picks each execution on one instance only and revives the
 * executions of an instance that died, so a message is sent by one app instance, once — unless the
 * instance dies between the provider's acceptance and our commit.
 *
 * <p>The task's name is configurable only so that tests can run a second, differently configured
 * application against the same database without the two sharing work.
 */
@Configuration(proxyBeanMethods = false)
class MessageTasks {

  private final TaskDescriptor<String> descriptor;
  private final ObjectProvider<SchedulerClient> scheduler;

  MessageTasks(
      @Value("${carebook.notifications.task-name:send-message}") String name,
      ObjectProvider<SchedulerClient> scheduler) {
    this.descriptor = TaskDescriptor.of(name, String.class);
    this.scheduler = scheduler;
  }

  /** Schedules delivery; joins the caller's transaction, so both commit or neither. */
  void schedule(TenantId tenant, UUID message, Instant at) {
    scheduler
        .getObject()
        .scheduleIfNotExists(
            descriptor
                .instance(message.toString())
                .data(tenant.value().toString())
                .scheduledTo(at));
  }

  /** Schedules the deliveries of many messages in one batch, in the caller's transaction. */
  void scheduleAll(TenantId tenant, java.util.Map<UUID, Instant> messages) {
    var data = tenant.value().toString();
    scheduler
        .getObject()
        .scheduleBatch(
            messages.entrySet().stream()
                .<com.github.kagkarlsson.scheduler.task.SchedulableInstance<?>>map(
                    m ->
                        descriptor
                            .instance(m.getKey().toString())
                            .data(data)
                            .scheduledTo(m.getValue()))
                .toList());
  }

  @Bean
  CustomTask<String> sendMessageTask(ObjectProvider<Dispatcher> dispatcher) {
    return Tasks.custom(descriptor)
        // what Dispatcher did not expect (the database away): try again, ever later
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)))
        .execute(
            (instance, context) -> {
              var next =
                  dispatcher
                      .getObject()
                      .deliver(
                          new TenantId(UUID.fromString(instance.getData())),
                          UUID.fromString(instance.getId()));
              if (next == null) {
                return new CompletionHandler.OnCompleteRemove<>();
              }
              return (complete, operations) -> operations.reschedule(complete, next);
            });
  }
}
