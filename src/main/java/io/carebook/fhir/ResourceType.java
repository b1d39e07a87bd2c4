package io.carebook.fhir;

import io.carebook.tenancy.Action;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * One FHIR resource type this server answers: how to read one by id and how to search, through the
 * owning module's facade. The permission is checked by the caller before either.
 */
interface ResourceType {

  /** The FHIR type's name, e.g. {@code Patient}. */
  String name();

  /** The action a caller must be allowed, as the owning module's own API asks it. */
  Action action();

  /** The search parameters besides {@code _count} and {@code _cursor}. */
  List<SearchParameter> searchParameters();

  /**
   * The resource with this id; {@link io.carebook.shared.NotFoundException} if the caller has none.
   */
  Resource read(String id);

  /**
   * One page of a search's matches, in the type's stable order: at most {@link SearchQuery#count()}
   * after {@link SearchQuery#after()}, and the key the next page begins after.
   */
  Paging.Matches search(SearchQuery query);

  /** The patient a resource of this type is about, to log the view of health data; null if none. */
  default @Nullable UUID patientOf(Resource resource) {
    return null;
  }

  /** A search parameter: its name, FHIR type and what it matches. */
  record SearchParameter(String name, SearchParamType type, String documentation) {}
}
