package io.carebook;

import io.carebook.tenancy.demo.DemoDataLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The demo's beans for the tests. The shared test context runs without the demo ({@code
 * carebook.demo=false}), so it has none; they are made once per test context in a child context
 * with the demo switched on, from the {@code demo} sub-packages only, wired to the shared context's
 * beans. A child context costs milliseconds, a second Spring Boot context half a minute.
 */
public final class DemoBeans {

  private static final Map<ApplicationContext, ApplicationContext> DEMOS =
      new ConcurrentHashMap<>();

  private DemoBeans() {}

  /** The demo bean of that type (a loader, or a part one uses). */
  public static <T> T of(ApplicationContext context, Class<T> type) {
    return demo(context).getBean(type);
  }

  /** Every module's loader, in the order the demo runs them. */
  public static List<DemoDataLoader> loaders(ApplicationContext context) {
    return demo(context).getBeanProvider(DemoDataLoader.class).orderedStream().toList();
  }

  /**
   * Loads the demo into the shared test database unless a test before did (loaders run once, on an
   * empty database, as the application's demo runner runs them).
   */
  public static void loadOnce(ApplicationContext context) {
    var loaded =
        OwnerDatabase.jdbc(context.getEnvironment())
            .sql("select exists (select 1 from tenants where id = ?)")
            .param(io.carebook.tenancy.demo.DemoOrganization.NILE.value())
            .query(Boolean.class)
            .single();
    if (!loaded) {
      loaders(context).forEach(DemoDataLoader::load);
    }
  }

  private static ApplicationContext demo(ApplicationContext shared) {
    return DEMOS.computeIfAbsent(shared, DemoBeans::create);
  }

  private static ApplicationContext create(ApplicationContext shared) {
    var demo = new AnnotationConfigApplicationContext();
    demo.setParent(shared);
    demo.getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("demo", Map.of("carebook.demo", "true")));
    var scanner = new ClassPathBeanDefinitionScanner(demo, false, demo.getEnvironment());
    scanner.addIncludeFilter(
        (reader, factory) ->
            reader.getClassMetadata().getClassName().matches("io\\.carebook\\.\\w+\\.demo\\.\\w+")
                && reader.getAnnotationMetadata().hasAnnotation(Component.class.getName()));
    scanner.scan("io.carebook");
    demo.refresh();
    return demo;
  }
}
