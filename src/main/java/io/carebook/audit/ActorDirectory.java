package io.carebook.audit;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Names the people behind actor ids, for the explorer. Implemented by identity, which knows the
 * users; audit cannot depend on it.
 */
public interface ActorDirectory {

  Map<UUID, String> names(Collection<UUID> actorIds);
}
