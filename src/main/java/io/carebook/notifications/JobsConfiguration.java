package io.carebook.notifications;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler, configured from its starter's {@code db-scheduler.*} properties. The starter's own
 * auto-configuration waits for Boot 3's DataSource auto-configuration, which Boot 4 moved, so it
 * never sees the data source: the scheduler is declared here instead, with the starter's builder.
 * It joins Spring transactions (a task scheduled in a transaction commits with it), starts once the
 * application is ready and stops gracefully, letting running executions finish.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DbSchedulerProperties.class)
class JobsConfiguration {

  @Bean(destroyMethod = "stop")
  Scheduler scheduler(
      DbSchedulerProperties properties, DataSource dataSource, List<Task<?>> tasks) {
    return DbSchedulerConfigurationSupport.buildScheduler(
        properties,
        new DbSchedulerCustomizer() {},
        StatsRegistry.NOOP,
        new SystemClock(),
        dataSource,
        tasks,
        List.of(),
        List.of());
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> schedulerStart(Scheduler scheduler) {
    return event -> scheduler.start();
  }
}
