package io.carebook.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a writing endpoint that a read-only clinic may still call, because it writes nothing of the
 * clinic's data (signing out, switching clinic, choosing a language) or because reading requires
 * it.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedWhenReadOnly {}
