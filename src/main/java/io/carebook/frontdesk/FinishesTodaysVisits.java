package io.carebook.frontdesk;

import io.carebook.tenancy.AllowedWhenReadOnly;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a writing endpoint on one visit (moving it, documenting it) that a read-only clinic may
 * still call for the visits of its current day: the write guard lets it through, and the handler
 * asks {@link TodaysVisits} about the visit, which refuses older ones.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AllowedWhenReadOnly
public @interface FinishesTodaysVisits {}
