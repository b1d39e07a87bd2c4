package io.carebook.clinical;

import java.util.UUID;

/** A clinic's starting text for the parts of a SOAP note. */
public record NoteTemplate(
    UUID id, String name, String subjective, String objective, String assessment, String plan) {}
