package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Medical record numbers: 1, 2, 3… per organization, never skipped, never given twice. */
@CarebookTest
class MedicalRecordNumberTests {

  @Autowired TestOrganizations organizations;
  @Autowired Organizations orgs;
  @Autowired PatientDirectory directory;
  @Autowired TenantTransactions tenants;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void theNumberIsGivenAtCommitWithoutASecondWriteAndARolledBackRegistrationTakesNone() {
    var tenant = TenantId.random();
    var clinic = open(tenant);
    var first =
        tenants.inClinic(
            tenant,
            clinic,
            () -> {
              var registered =
                  directory.register(new NewPatient("First Patient", null, null, null));
              assertThat(registered.mrn()).as("none before the commit").isNull();
              assertThat(registered.medicalRecordNumber()).isNull();
              return registered.id();
            });
    try {
      tenants.inClinic(
          tenant,
          clinic,
          () -> {
            directory.register(new NewPatient("Rolled Back", null, null, null));
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the registration is undone
    }
    var second =
        tenants.inClinic(
            tenant,
            clinic,
            () -> directory.registerId(new NewPatient("Second Patient", null, null, null)));

    assertThat(numbers(tenant, clinic, List.of(first, second))).containsExactly(1L, 2L);
    assertThat(tenants.inClinic(tenant, clinic, () -> directory.get(first).medicalRecordNumber()))
        .isEqualTo("MRN-000001");
    var owner = OwnerDatabase.jdbc(environment);
    var written =
        owner
            .sql(
                """
                select action from audit_log
                 where tenant_id = ? and entity_type = 'patients' and entity_id = ?""")
            .params(tenant.value(), second.toString())
            .query(String.class)
            .list();
    assertThat(written)
        .as("the patient row is written once: its insert is audited, no second write")
        .containsExactly("INSERT");
    assertThatThrownBy(
            () ->
                owner
                    .sql("update patient_record_numbers set mrn = 7 where patient_id = ?")
                    .param(second.value())
                    .update())
        .as("a number given is never changed")
        .hasStackTraceContaining("never changed");
  }

  @Test
  void numbersFollowTheOrderOfCommitsNotOfInserts() throws Exception {
    var tenant = TenantId.random();
    var clinic = open(tenant);
    var firstInserted = new CountDownLatch(1);
    var secondCommitted = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(1)) {
      var first =
          pool.submit(
              () ->
                  tenants.inClinic(
                      tenant,
                      clinic,
                      () -> {
                        var id = directory.registerId(new NewPatient("Early", null, null, null));
                        firstInserted.countDown();
                        await(secondCommitted);
                        return id;
                      }));
      await(firstInserted);
      var second =
          tenants.inClinic(
              tenant, clinic, () -> directory.registerId(new NewPatient("Late", null, null, null)));
      secondCommitted.countDown();
      assertThat(numbers(tenant, clinic, List.of(second, first.get(30, TimeUnit.SECONDS))))
          .as("inserted second, committed first: number 1")
          .containsExactly(1L, 2L);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void registrationsOpenAtOnceAreNumberedAtTheirCommitsWithoutGaps() throws Exception {
    var tenant = TenantId.random();
    var clinic = open(tenant);
    int n = 6;
    // every transaction has inserted its patient before any commits: with a lock held from the
    // insert to the commit, they would wait for each other here
    var allInserted = new CyclicBarrier(n);
    var tasks = new ArrayList<Callable<PatientId>>();
    for (int i = 0; i < n; i++) {
      var k = i;
      tasks.add(
          () ->
              tenants.inClinic(
                  tenant,
                  clinic,
                  () -> {
                    var id = directory.registerId(new NewPatient("Patient " + k, null, null, null));
                    try {
                      allInserted.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    if (k == 0) {
                      throw new IllegalStateException("roll back");
                    }
                    return id;
                  }));
    }
    var committed = new ArrayList<PatientId>();
    try (var pool = Executors.newFixedThreadPool(n)) {
      for (var future : pool.invokeAll(tasks)) {
        try {
          committed.add(future.get());
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).hasMessage("roll back");
        }
      }
    }
    assertThat(committed).hasSize(n - 1);
    assertThat(numbers(tenant, clinic, committed))
        .as("1..n-1, each once: the rolled-back registration took none")
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n - 1).boxed().toList());
  }

  private ClinicId open(TenantId tenant) {
    var clinic = ClinicId.random();
    var spec =
        new NewClinic("Numbers Clinic", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG");
    tenants.inClinic(tenant, clinic, () -> orgs.open(tenant, "Numbers Org", clinic, spec));
    return clinic;
  }

  private List<Long> numbers(TenantId tenant, ClinicId clinic, List<PatientId> ids) {
    return tenants.inClinic(
        tenant, clinic, () -> ids.stream().map(id -> directory.get(id).mrn()).toList());
  }

  @Test
  void concurrentRegistrationsGetUniqueGapFreeNumbersAndRefusedDuplicatesTakeNone()
      throws Exception {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var other = api.as(organizations.signUp(api).token());
    var tasks = new ArrayList<Callable<Api.Response>>();
    for (int i = 0; i < 24; i++) {
      var n = i;
      tasks.add(() -> desk.post("/api/v1/patients", Map.of("fullName", "Patient " + n)));
      // the same person twice at once: one registration, one refused duplicate
      tasks.add(
          () ->
              desk.post(
                  "/api/v1/patients",
                  Map.of("fullName", "Twin " + (n % 4), "phone", "0100 555 000" + (n % 4))));
      tasks.add(() -> other.post("/api/v1/patients", Map.of("fullName", "Elsewhere " + n)));
    }
    List<Api.Response> responses;
    try (var pool = Executors.newFixedThreadPool(12)) {
      responses = pool.invokeAll(tasks).stream().map(f -> join(f)).toList();
    }
    assertThat(responses).allMatch(r -> r.status() == 201 || r.status() == 409);
    assertThat(responses)
        .filteredOn(r -> r.status() == 201)
        .as("the answer is read after the commit, which gives the number")
        .allMatch(r -> r.body().path("medicalRecordNumber").asString().startsWith("MRN-"));

    for (var client : List.of(desk, other)) {
      var numbers = new ArrayList<Long>();
      String after = null;
      do {
        var page =
            client.get("/api/v1/patients?limit=100" + (after == null ? "" : "&after=" + after));
        page.body()
            .path("items")
            .forEach(
                p ->
                    numbers.add(
                        Long.parseLong(p.path("medicalRecordNumber").asString().substring(4))));
        after = page.body().path("next").isNull() ? null : page.text("next");
      } while (after != null);
      assertThat(numbers)
          .as("1..n, each once")
          .containsExactlyInAnyOrderElementsOf(
              LongStream.rangeClosed(1, numbers.size()).boxed().toList());
    }
    var one = desk.get("/api/v1/patients?q=MRN-000001").body().path("items");
    assertThat(one).hasSize(1);
    assertThat(one.get(0).path("medicalRecordNumber").asString()).isEqualTo("MRN-000001");
  }

  private static Api.Response join(java.util.concurrent.Future<Api.Response> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
