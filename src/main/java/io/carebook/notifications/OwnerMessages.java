package io.carebook.notifications;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import java.util.Locale;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An e-mail to every active owner of a clinic, in the clinic's language: {@code <key>.subject} and
 * {@code .body} take the clinic's name, a detail and the link to the page where they act.
 */
@Component
class OwnerMessages {

  private final Outbox outbox;
  private final Staff staff;
  private final Organizations organizations;
  private final MessageSource messages;
  private final String baseUrl;

  OwnerMessages(
      Outbox outbox,
      Staff staff,
      Organizations organizations,
      MessageSource messages,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.staff = staff;
    this.organizations = organizations;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  /**
   * About the active clinic, to its active owners: for a listener that already entered the clinic
   * its event happened at ({@code @ApplicationModuleListener}, see {@code TenantScopedListeners}).
   */
  void send(MessageKind kind, String key, String page, BiFunction<Clinic, Locale, Object> detail) {
    var clinic = organizations.activeClinic();
    var locale = clinic.locale();
    var args = new Object[] {clinic.name(), detail.apply(clinic, locale), baseUrl + page};
    var subject = messages.getMessage(key + ".subject", args, key, locale);
    var body = messages.getMessage(key + ".body", args, key, locale);
    for (var owner : staff.members()) {
      if (owner.active() && owner.roles().contains(Role.OWNER)) {
        outbox.schedule(
            NewMessage.now(
                MessageChannel.EMAIL, owner.email(), kind, locale.getLanguage(), subject, body));
      }
    }
  }
}
