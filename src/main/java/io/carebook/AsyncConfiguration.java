package io.carebook;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Event listeners between modules run after commit, off the request thread; jobs on a timer.
 *
 * <p>Asynchronous work runs on a bounded pool, not on a new virtual thread per task: each listener
 * opens a transaction, so unbounded concurrency would only move the queue into the connection pool
 * (10 connections by default), where requests would wait behind a burst of listeners and time out.
 * Four threads leave most of the pool to requests and db-scheduler's deliveries; ten thousand tasks
 * waiting (a few kilobytes each) absorb any burst the booking path can publish between two commits.
 * When the queue is full, the publisher waits for room: the work is neither dropped nor run on the
 * publisher's thread, whose transaction has just completed and cannot host another one.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration {

  @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
  ThreadPoolTaskExecutor applicationTaskExecutor(
      @Value("${carebook.async.threads:4}") int threads,
      @Value("${carebook.async.queue:10000}") int queue) {
    var executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setQueueCapacity(queue);
    executor.setThreadNamePrefix("async-");
    executor.setRejectedExecutionHandler(AsyncConfiguration::waitForRoom);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }

  private static void waitForRoom(Runnable task, ThreadPoolExecutor executor) {
    if (executor.isShutdown()) {
      throw new RejectedExecutionException("shutting down");
    }
    try {
      executor.getQueue().put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedExecutionException(e);
    }
  }
}
