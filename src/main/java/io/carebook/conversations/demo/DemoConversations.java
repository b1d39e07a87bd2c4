package io.carebook.conversations.demo;

import io.carebook.conversations.Author;
import io.carebook.conversations.ConversationSettingsReader;
import io.carebook.conversations.Conversations;
import io.carebook.conversations.bot.ConversationRows;
import io.carebook.notifications.MessageChannel;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.Subscriptions;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo clinics talk on WhatsApp: their plan includes WhatsApp booking, the bot is on, and one
 * (invented) patient's question waits in each clinic's inbox for a person.
 */
@Component
@ConditionalOnDemo
@Order(600)
class DemoConversations implements DemoDataLoader {

  private final ConversationSettingsReader settings;
  private final Conversations conversations;
  private final ConversationRows rows;
  private final Organizations organizations;
  private final Subscriptions subscriptions;
  private final TenantTransactions tenants;

  DemoConversations(
      ConversationSettingsReader settings,
      Conversations conversations,
      ConversationRows rows,
      Organizations organizations,
      Subscriptions subscriptions,
      TenantTransactions tenants) {
    this.settings = settings;
    this.conversations = conversations;
    this.rows = rows;
    this.organizations = organizations;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    talk(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        "+201009990011",
        "ar",
        "ممكن أجيب ابني معايا الموعد الجاي؟");
    talk(
        DemoOrganization.ZAMALEK,
        DemoOrganization.ZAMALEK_EYE,
        "+201009990022",
        "en",
        "Do I need to bring my old glasses to the eye test?");
    talk(
        DemoOrganization.SOL,
        DemoOrganization.SOL_ROMA,
        "+525599990033",
        "es",
        "¿Tienen estacionamiento cerca de la clínica?");
  }

  private void talk(TenantId tenant, ClinicId clinic, String phone, String language, String text) {
    tenants.inClinic(
        tenant,
        clinic,
        () -> {
          var current = organizations.find(clinic).orElseThrow();
          if (!subscriptions.plan(clinic).includes(Plan.Feature.WHATSAPP_BOOKING)) {
            subscriptions.apply(clinic, current.subscriptionStatus(), Plan.GROWTH);
          }
          settings.save(clinic, true, Map.of());
          if (rows.lockOpen(clinic, phone).isPresent()) {
            return;
          }
          var row =
              rows.openOrCreate(
                  clinic, MessageChannel.WHATSAPP, phone, Locale.forLanguageTag(language));
          rows.inbound(row.id(), text, null, null, Instant.now());
          conversations.openForRequest(
              clinic,
              phone,
              null,
              "The patient asked something the bot cannot answer.",
              Author.BOT,
              null);
        });
  }
}
