package io.carebook.clinical;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A prescription written in an encounter: a draft whose items change, then finalized and immutable
 * (addenda only). Its verification code identifies it on the public verification page.
 */
public record Prescription(
    UUID id,
    UUID encounterId,
    Status status,
    String verificationCode,
    @Nullable UUID authorId,
    Instant createdAt,
    @Nullable Instant finalizedAt,
    @Nullable UUID finalizedBy,
    @Nullable Voided voided,
    List<Item> items,
    List<Addendum> addenda,
    int version) {

  public boolean finalized() {
    return status == Status.FINALIZED;
  }

  public enum Status {
    DRAFT,
    FINALIZED
  }

  /** One drug of a prescription; voided items of a draft are not shown in {@code items}. */
  public record Item(
      UUID id,
      int position,
      String drug,
      @Nullable String strength,
      @Nullable String form,
      @Nullable String dose,
      @Nullable String frequency,
      @Nullable String duration,
      @Nullable String route,
      @Nullable String instructions) {

    /** Strength, form and route, as one line: "500 mg · capsule · oral". */
    public String details() {
      return String.join(
          " · ",
          java.util.stream.Stream.of(strength, form, route)
              .filter(java.util.Objects::nonNull)
              .toList());
    }
  }

  /** An item as typed. */
  public record NewItem(
      String drug,
      @Nullable String strength,
      @Nullable String form,
      @Nullable String dose,
      @Nullable String frequency,
      @Nullable String duration,
      @Nullable String route,
      @Nullable String instructions)
      implements java.io.Serializable {} // kept across a redirect in the web session
}
