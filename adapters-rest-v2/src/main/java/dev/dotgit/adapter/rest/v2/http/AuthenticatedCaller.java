package dev.dotgit.adapter.rest.v2.http;

import io.micronaut.core.bind.annotation.Bindable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link dev.dotgit.domain.access.Caller} argument of a v2 route, bound from the
 * request's bearer key by {@link AuthenticatedCallerBinder}. v2's own annotation, so that its
 * binder never competes with another version's for the same type.
 */
@Documented
@Bindable
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuthenticatedCaller {
}
