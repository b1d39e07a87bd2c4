package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The everyday lists: empty, they say what to do and offer the action; long, they come in pages of
 * 50 with newer and older links (the outbox and the audit trail).
 */
@CarebookTest
class ListPagesTests {

  private static final Pattern MESSAGE = Pattern.compile("Message #(\\d{3})\\.");
  private static final Pattern ENTRY = Pattern.compile("data-entry=\"(\\d+)\"");
  private static final Pattern OLDER = Pattern.compile("id=\"audit-older\"[^>]*href=\"([^\"]+)\"");
  private static final Pattern NEWER = Pattern.compile("id=\"audit-newer\"[^>]*href=\"([^\"]+)\"");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void anEmptyListSaysWhatToDoAndOffersTheAction() {
    var owner = organizations.signUp(new Api(port));
    var web =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());

    var patients = web.get("/patients").body();
    assertThat(patients)
        .contains("id=\"patients-empty\"", "No patients registered yet.")
        .contains("Register your first patient");
    assertThat(section(patients, "patients-empty"))
        .contains("href=\"/patients/new\"", "href=\"/patients/imports\"");
    var noMatch = web.get("/patients?q=Nobody+Here").body();
    assertThat(section(noMatch, "patients-empty"))
        .contains("No patient matches", "href=\"/patients/new\"")
        .doesNotContain("/patients/imports");

    assertThat(section(web.get("/billing").body(), "invoices-empty"))
        .contains("No invoices yet", "href=\"/desk\"", "href=\"/billing/services\"");
    assertThat(section(web.get("/audit?entityType=nothing-here").body(), "audit-empty"))
        .contains("Nothing recorded for these filters.", "href=\"/audit\"");
    assertThat(section(web.get("/calendar/waitlist").body(), "waitlist-empty"))
        .contains("Nobody is waiting.", "href=\"#fullName\"");
    // in Arabic too
    assertThat(section(web.get("/patients?lang=ar").body(), "patients-empty"))
        .contains("سجّل أول مريض");
  }

  @Test
  void anEmptyOutboxSaysWhatWillAppearThereAndLinksToItsSettings() {
    var owner = organizations.signUp(new Api(port));
    OwnerDatabase.jdbc(environment)
        .sql("delete from outbox_messages where tenant_id = ?")
        .param(owner.tenant().value())
        .update();
    var web =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    assertThat(section(web.get("/outbox").body(), "outbox-empty"))
        .contains("No messages yet.", "reminders", "href=\"/settings/messages\"");
  }

  @Test
  void theOutboxShowsFiftyMessagesAPageNewestFirstWithNewerAndOlderLinks() {
    var owner = organizations.signUp(new Api(port));
    OwnerDatabase.jdbc(environment)
        .sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body, created_at, status)
            select ?, gen_random_uuid(), ?, 'SMS', '+2011' || lpad(n::text, 8, '0'),
                   'APPOINTMENT_REMINDER', 'en', '', 'Message #' || lpad(n::text, 3, '0') || '.',
                   now() + interval '3 hours' - make_interval(mins => n), 'SENT'
            from generate_series(1, 120) n""")
        .params(owner.tenant().value(), owner.clinic().value())
        .update();
    // newer than the sign-up's own messages, one a minute
    var web =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());

    var first = web.get("/outbox").body();
    assertThat(numbers(MESSAGE, first)).hasSize(50).startsWith(1L).endsWith(50L);
    assertThat(first).contains("id=\"outbox-older\"").doesNotContain("id=\"outbox-newer\"");
    assertThat(first).contains("href=\"/outbox?page=2\"");

    var second = web.get("/outbox?page=2").body();
    assertThat(numbers(MESSAGE, second)).hasSize(50).startsWith(51L).endsWith(100L);
    assertThat(second).contains("href=\"/outbox?page=1\"", "href=\"/outbox?page=3\"");

    // the last page: what is left (the sign-up's own messages are older still), no older link
    var third = web.get("/outbox?page=3").body();
    assertThat(numbers(MESSAGE, third)).startsWith(101L).endsWith(120L);
    assertThat(third).contains("id=\"outbox-newer\"").doesNotContain("id=\"outbox-older\"");

    // a page that is not a page is a bad request, not an error page
    assertThat(web.get("/outbox?page=0").statusCode()).isEqualTo(400);
    assertThat(web.get("/outbox?page=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void theAuditExplorerPagesByFiftyKeepingItsFilters() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    for (int i = 0; i < 60; i++) {
      var body = new HashMap<String, Object>();
      body.put("fullName", "Paged Patient " + i);
      assertThat(desk.post("/api/v1/patients", body).status()).isEqualTo(201);
    }
    var web =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    // something else recorded meanwhile, which the filters leave out
    var filtered = "/audit?entityType=patients&action=INSERT";

    var first = web.get(filtered).body();
    var newest = numbers(ENTRY, first);
    assertThat(newest).hasSize(50).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(first).doesNotContain("id=\"audit-newer\"");
    var older = link(OLDER, first);
    assertThat(older).contains("entityType=patients", "action=INSERT", "before=");

    var second = web.get(older).body();
    var rest = numbers(ENTRY, second);
    assertThat(rest).hasSize(10);
    assertThat(rest.getFirst()).isLessThan(newest.getLast());
    assertThat(second).doesNotContain("id=\"audit-older\"");
    var newer = link(NEWER, second);
    assertThat(newer).contains("entityType=patients", "action=INSERT", "after=");

    // back to the newest page, whole
    assertThat(numbers(ENTRY, web.get(newer).body())).isEqualTo(newest);
    var all = new HashSet<>(newest);
    all.addAll(rest);
    assertThat(all).hasSize(60);
  }

  /** The element with {@code id} and what follows it, up to the next 1500 characters. */
  private static String section(String html, String id) {
    var at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as(id + " on the page").isNotNegative();
    return html.substring(at, Math.min(html.length(), at + 1500));
  }

  private static List<Long> numbers(Pattern pattern, String html) {
    var found = new ArrayList<Long>();
    var matcher = pattern.matcher(html);
    while (matcher.find()) {
      found.add(Long.parseLong(matcher.group(1)));
    }
    return found;
  }

  private static String link(Pattern pattern, String html) {
    var matcher = pattern.matcher(html);
    assertThat(matcher.find()).as(pattern.pattern()).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }
}
