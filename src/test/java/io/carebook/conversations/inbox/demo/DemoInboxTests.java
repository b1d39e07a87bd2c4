package io.carebook.conversations.inbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import io.carebook.conversations.ConversationState;
import io.carebook.conversations.inbox.InboxQueries;
import io.carebook.identity.Staff;
import io.carebook.patients.PatientDirectory;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo clinic's inbox at first start: one conversation waiting for a person, one a receptionist
 * carries, one the assistant finished; loading again adds none. (DemoBeans scans only a module's
 * own {@code demo} package, so this loader is made here.)
 */
@CarebookTest
class DemoInboxTests {

  @Autowired ApplicationContext context;
  @Autowired TenantTransactions tenants;
  @Autowired PatientDirectory patients;
  @Autowired Staff staff;
  @Autowired JdbcClient jdbc;
  @Autowired InboxQueries inbox;

  @Test
  void theDemoInboxHasAConversationInEachState() {
    DemoBeans.loadOnce(context);
    var loader = new DemoInbox(tenants, patients, staff, jdbc);
    loader.load();
    var queue = queue();
    assertThat(queue)
        .extracting(InboxQueries.Conversation::state)
        .contains(ConversationState.WAITING, ConversationState.PERSON, ConversationState.BOT);
    loader.load();
    assertThat(queue()).hasSameSizeAs(queue);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** The demo's remote assistant signs in with the demo password and lands in the inbox. */
  @Test
  void theDemoHasARemoteAssistantWhoLandsInTheInbox() {
    DemoBeans.loadOnce(context);
    var members =
        tenants.inClinic(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, () -> staff.members());
    assertThat(members)
        .filteredOn(m -> m.email().equals("hala@nile.demo"))
        .singleElement()
        .satisfies(
            m -> assertThat(m.roles()).containsExactly(io.carebook.identity.Role.REMOTE_ASSISTANT));
    var session =
        io.carebook.WebSession.signIn(port, "hala@nile.demo", DemoOrganization.DEMO_PASSWORD);
    assertThat(session.get("/").uri().getPath()).isEqualTo("/inbox");
  }

  private java.util.List<InboxQueries.Conversation> queue() {
    return tenants.inClinic(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        () -> inbox.queue(DemoOrganization.NILE_DOKKI, Instant.now()));
  }
}
