package io.carebook.patients.documents;

import io.carebook.patients.Patient.PatientId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A file attached to a chart: its sanitized name, type and size; the bytes are in the store. */
public record PatientDocument(
    UUID id,
    PatientId patientId,
    String fileName,
    String contentType,
    long sizeBytes,
    @Nullable String description,
    Instant uploadedAt) {}
