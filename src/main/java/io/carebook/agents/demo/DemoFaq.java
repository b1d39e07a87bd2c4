package io.carebook.agents.demo;

import io.carebook.agents.ClinicFaq;
import io.carebook.agents.ClinicFaq.Entry;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A short, invented FAQ for each demo clinic, in the languages its patients write in, so that an
 * agent connected to the demo's MCP address has something to quote from clinic_info.
 */
@Component
@ConditionalOnDemo
@Order(800)
class DemoFaq implements DemoDataLoader {

  private static final List<Entry> EGYPT =
      List.of(
          new Entry(
              "en",
              "Is there parking?",
              "Yes: free parking for patients behind the building; show your token at the gate."),
          new Entry(
              "en",
              "How can I pay?",
              "Cash or card at the desk, or by the payment link we send with your invoice."),
          new Entry(
              "en",
              "What should I bring?",
              "Your national ID, your insurance card if you have one, and any recent test"
                  + " results or medicines you take."),
          new Entry("ar", "هل يوجد موقف للسيارات؟", "نعم، موقف مجاني للمرضى خلف المبنى."),
          new Entry(
              "ar",
              "كيف أدفع؟",
              "نقدًا أو بالبطاقة في الاستقبال، أو برابط الدفع المرسل مع الفاتورة."),
          new Entry(
              "ar",
              "ماذا أحضر معي؟",
              "بطاقة الرقم القومي، وبطاقة التأمين إن وجدت، وأي تحاليل حديثة أو أدوية تتناولها."));

  private static final List<Entry> MEXICO =
      List.of(
          new Entry(
              "es",
              "¿Hay estacionamiento?",
              "Sí, hay estacionamiento público a media cuadra, sobre la calle Orizaba."),
          new Entry(
              "es",
              "¿Cómo puedo pagar?",
              "En efectivo o con tarjeta en recepción, o con el enlace de pago de tu factura."),
          new Entry(
              "es",
              "¿Qué debo traer?",
              "Una identificación oficial y, si los tienes, tus estudios recientes."),
          new Entry(
              "en",
              "Is there parking?",
              "Yes, a public car park half a block away, on Orizaba street."),
          new Entry(
              "en",
              "How can I pay?",
              "Cash or card at the desk, or by the payment link on your invoice."));

  private final ClinicFaq faq;
  private final TenantTransactions tenants;

  DemoFaq(ClinicFaq faq, TenantTransactions tenants) {
    this.faq = faq;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    load(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, EGYPT);
    load(DemoOrganization.NILE, DemoOrganization.NILE_HELIOPOLIS, EGYPT);
    load(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE, EGYPT);
    load(DemoOrganization.SOL, DemoOrganization.SOL_ROMA, MEXICO);
  }

  private void load(TenantId tenant, ClinicId clinic, List<Entry> entries) {
    tenants.inClinic(tenant, clinic, () -> faq.replace(entries));
  }
}
