package io.carebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Busy time (holds) is audited by the trigger's own branch for practitioner_busy (V1292): the same
 * audit row as the general path writes, every column recorded.
 */
@CarebookTest
class HoldAuditTests {

  @Autowired Environment environment;

  @Test
  void aHoldIsRecordedAsTheGeneralPathRecordsATableLikeIt() {
    var owner = OwnerDatabase.jdbc(environment);
    var doctor = UUID.randomUUID();
    owner
        .sql(
            "insert into users (id, email, display_name, password_hash, email_confirmed_at)"
                + " values (?, ?, 'Hold Doctor', 'x', now())")
        .params(doctor, "hold-" + doctor + "@example.test")
        .update();
    // a twin of the table under another name takes the general path
    owner.sql("create table hold_audit_twin (like practitioner_busy including defaults)").update();
    owner.sql("select audit_table('hold_audit_twin', 'id')").query(Object.class).list();
    try {
      var hold = UUID.randomUUID();
      for (var table : new String[] {"practitioner_busy", "hold_audit_twin"}) {
        owner
            .sql(
                "insert into "
                    + table
                    + " (id, user_id, clinic_id, period, seat, kind) values (?, ?, ?,"
                    + " tstzrange('2031-01-06 09:00+00', '2031-01-06 09:15+00'), 2, 'APPOINTMENT')")
            .params(hold, doctor, doctor)
            .update();
        owner.sql("delete from " + table + " where id = ?").param(hold).update();
      }
      for (var action : new String[] {"INSERT", "DELETE"}) {
        var rows =
            owner
                .sql(
                    """
                    select entity_type, tenant_id, clinic_id, entity_id, patient_id, kind,
                           changes::text
                    from audit_log where entity_id = ? and action = ? order by entity_type""")
                .params(hold.toString(), action)
                .query(
                    (rs, n) ->
                        java.util.Arrays.asList(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)))
                .list();
        assertThat(rows).as(action).hasSize(2);
        assertThat(rows.get(0))
            .as(action + ": the hold's row as the general path's")
            .isEqualTo(rows.get(1));
      }
      var columns =
          owner
              .sql(
                  """
                  select string_agg(attname, ',' order by attname) from pg_attribute
                   where attrelid = 'practitioner_busy'::regclass and attnum > 0
                     and not attisdropped""")
              .query(String.class)
              .single();
      var recorded =
          owner
              .sql(
                  """
                  select string_agg(k, ',' order by k) from audit_log, jsonb_object_keys(changes) k
                   where entity_type = 'practitioner_busy' and entity_id = ? and action = 'INSERT'""")
              .param(hold.toString())
              .query(String.class)
              .single();
      assertThat(recorded).as("every column of practitioner_busy, V1292's list").isEqualTo(columns);
    } finally {
      owner.sql("drop table hold_audit_twin").update();
    }
  }
}
