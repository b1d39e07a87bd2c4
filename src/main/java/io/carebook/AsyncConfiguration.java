package io.carebook;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Event listeners between modules run after commit, off the request thread. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {}
