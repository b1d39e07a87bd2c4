package io.carebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Every table is audited from its first row, or is named as technical bookkeeping. */
@CarebookTest
class AuditCoverageTests {

  @Autowired Environment environment;

  @Test
  void everyTableCarriesTheAuditTriggerOrIsAnExclusion() {
    var unaudited =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                                  where t.tgrelid = c.oid and p.proname = 'audit_row_change'
                                    and t.tgenabled <> 'D')
                order by 1""")
            .query(String.class)
            .list();
    assertThat(AuditExclusions.TABLES).containsAll(unaudited);
  }
}
