package io.carebook.tenancy.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;

/**
 * Waits for the built-in PostgreSQL started in the background by {@link
 * EmbeddedDatabaseEnvironment}: after the context's configuration is read (component scan, auto
 * configuration, conditions) and before any bean is created, so the data source, Flyway and every
 * other user of the database find it running. A server that could not start fails the context here,
 * with the start's own exception, before any bean exists.
 */
record EmbeddedDatabaseReady(EmbeddedDatabase database)
    implements BeanFactoryPostProcessor, Ordered {

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    database.awaitReady();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
