package io.carebook.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation deprecated (docs/api/versioning.md): its answers carry {@code
 * Deprecation: @<epoch seconds>} (RFC 9745) and {@code Sunset: <HTTP date>} (RFC 8594), a {@code
 * Link} to its successor when one is named, and the OpenAPI document marks it {@code deprecated:
 * true} with the dates. Add an entry of type "deprecated" to the API changelog in the same change.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiDeprecated {

  /** The day it was deprecated, ISO-8601 ({@code 2026-12-07}). */
  String since();

  /** The day it may stop answering, ISO-8601; at least six months after {@link #since()}. */
  String sunset();

  /** The operation to use instead, e.g. {@code GET /api/v1/visits}, or empty. */
  String successor() default "";
}
