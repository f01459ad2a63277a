package dev.dotgit.adapter.rest.v3.http;

import io.micronaut.core.bind.annotation.Bindable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link dev.dotgit.domain.access.Caller} argument of a v3 route: it is bound from
 * the request's bearer key by {@link AuthenticatedCallerBinder}. An annotation of v3's own,
 * rather than a binder for every {@code Caller}, so that other API versions can authenticate
 * their way without two binders competing for the same type.
 */
@Documented
@Bindable
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuthenticatedCaller {
}
