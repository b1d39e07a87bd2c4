package io.carebook.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The sign-in pages link to developer pages (the demo authenticator, the developer outbox) only in
 * developer mode, {@code carebook.dev}: never because a page's own setting was left on.
 */
class DeveloperLinksTests {

  @Test
  void theSignInPagesLinkNoDeveloperPageWithoutDeveloperMode() {
    // the outbox page's setting left on, developer mode off: as on a misconfigured server
    var production = new ShellModel(true, false, null, Clock.systemUTC());
    assertThat(production.devPages()).isFalse();
    assertThat(production.devOutbox()).isFalse();

    var developer = new ShellModel(true, true, null, Clock.systemUTC());
    assertThat(developer.devPages()).isTrue();
    assertThat(developer.devOutbox()).isTrue();
    assertThat(new ShellModel(false, true, null, Clock.systemUTC()).devOutbox()).isFalse();
  }
}
