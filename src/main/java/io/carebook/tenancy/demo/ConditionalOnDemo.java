package io.carebook.tenancy.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * A bean of the demo: created only when the demo is asked for ({@code carebook.demo} is {@code
 * auto} or {@code true}, which developer mode allows and the built-in database defaults to), so a
 * production context has no demo beans at all, not even idle ones.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${carebook.demo:false}' == 'auto' or '${carebook.demo:false}' == 'true'")
public @interface ConditionalOnDemo {}
