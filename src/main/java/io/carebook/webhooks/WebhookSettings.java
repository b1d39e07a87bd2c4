package io.carebook.webhooks;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The webhooks' settings ({@code carebook.webhooks.*}): the retry delays, after how long of failing
 * without a success an endpoint is disabled (default 5 days), the HTTP timeout per attempt (10 s),
 * how often the worker looks for due deliveries (1 s), how many it claims per organization and pass
 * (50), how many it sends at once (8), how long a claim holds a delivery before another worker may
 * take it over (2 min), and whether private addresses are allowed (only in developer mode, by
 * default).
 */
@Component
class WebhookSettings {

  final RetrySchedule retries;
  final Duration disableAfter;
  final Duration timeout;
  final int batch;
  final int concurrency;
  final Duration lease;
  final boolean allowPrivateAddresses;

  WebhookSettings(
      @Value("${carebook.webhooks.retry-delays:" + RetrySchedule.DEFAULT + "}") String retryDelays,
      @Value("${carebook.webhooks.disable-after:P5D}") Duration disableAfter,
      @Value("${carebook.webhooks.timeout:PT10S}") Duration timeout,
      @Value("${carebook.webhooks.batch:50}") int batch,
      @Value("${carebook.webhooks.concurrency:8}") int concurrency,
      @Value("${carebook.webhooks.lease:PT2M}") Duration lease,
      @Value("${carebook.webhooks.allow-private-addresses:${carebook.dev:false}}")
          boolean allowPrivateAddresses) {
    this.retries =
        new RetrySchedule(
            Arrays.stream(retryDelays.split(",")).map(String::strip).map(Duration::parse).toList());
    this.disableAfter = disableAfter;
    this.timeout = timeout;
    this.batch = batch;
    this.concurrency = concurrency;
    this.lease = lease;
    this.allowPrivateAddresses = allowPrivateAddresses;
  }

  EndpointAddresses addresses() {
    return new EndpointAddresses(allowPrivateAddresses);
  }
}
