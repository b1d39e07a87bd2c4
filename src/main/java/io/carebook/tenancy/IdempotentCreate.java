package io.carebook.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API create whose {@code Idempotency-Key} is claimed, and whose answer is kept, in the
 * create's own transaction ({@link IdempotentRequests}): the transaction begins before the handler
 * and commits after it answered, so the key, the answer and the rows it wrote commit together, and
 * a rollback (a refusal, a failure) leaves the key free for a retry. Generic for any API create (a
 * booking, a patient, an invoice, a note template…; docs/api/conventions.md). Only for handlers
 * whose work may share one transaction: none may enter another scope, wait on a provider or write
 * outside the database.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IdempotentCreate {}
