package io.carebook.tenancy.demo;

/**
 * A module's part of the invented demo organization. Loaders run in {@link
 * org.springframework.core.annotation.Order} when the demo is loaded: on a first start with an
 * empty database, or when {@code carebook.demo=true}.
 */
public interface DemoDataLoader {

  void load();
}
