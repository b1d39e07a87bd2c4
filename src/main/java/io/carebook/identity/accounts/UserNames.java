package io.carebook.identity.accounts;

import io.carebook.audit.ActorDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Names the users behind actor ids for the audit explorer. */
@Component
class UserNames implements ActorDirectory {

  private final JdbcClient jdbc;

  UserNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, String> names(Collection<UUID> actorIds) {
    var names = new HashMap<UUID, String>();
    if (actorIds.isEmpty()) {
      return names;
    }
    jdbc.sql("select id, display_name from users where id = any(?)")
        .param(actorIds.toArray(UUID[]::new))
        .query(
            rs -> {
              names.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return names;
  }
}
