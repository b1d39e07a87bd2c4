package io.carebook.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A set of vital signs, each optional: blood pressure in mmHg, pulse in beats per minute,
 * temperature in °C, respiratory rate in breaths per minute, oxygen saturation in %, weight in kg,
 * height in cm.
 */
public record Vitals(
    UUID id,
    @Nullable Integer systolic,
    @Nullable Integer diastolic,
    @Nullable Integer pulse,
    @Nullable BigDecimal temperature,
    @Nullable Integer respiratoryRate,
    @Nullable Integer oxygen,
    @Nullable BigDecimal weight,
    @Nullable BigDecimal height,
    Instant recordedAt,
    @Nullable UUID recordedBy,
    @Nullable Voided voided,
    int version) {

  /** The measures as typed, before they are checked ({@link PlausibleVitals}). */
  public record Input(
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable Integer pulse,
      @Nullable BigDecimal temperature,
      @Nullable Integer respiratoryRate,
      @Nullable Integer oxygen,
      @Nullable BigDecimal weight,
      @Nullable BigDecimal height) {}
}
