package io.carebook.clinical;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SOAP note of an encounter: written as a draft, then signed; once signed it only takes
 * addenda, each signed by its author as it is written.
 */
public record Note(
    UUID id,
    UUID encounterId,
    String subjective,
    String objective,
    String assessment,
    @Nullable String diagnosis,
    @Nullable String icd10,
    String plan,
    Status status,
    @Nullable UUID authorId,
    int version,
    Instant updatedAt,
    @Nullable Instant signedAt,
    @Nullable UUID signedBy,
    @Nullable Voided voided,
    List<Addendum> addenda) {

  public boolean signed() {
    return status == Status.SIGNED;
  }

  public enum Status {
    DRAFT,
    SIGNED
  }

  /** The note as typed. */
  public record Draft(
      @Nullable String subjective,
      @Nullable String objective,
      @Nullable String assessment,
      @Nullable String diagnosis,
      @Nullable String icd10,
      @Nullable String plan)
      implements java.io.Serializable {} // kept across a redirect in the web session
}
