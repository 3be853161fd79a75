package io.portico.identity.internal.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few state-changing resource methods a session viewing a customer's portal may still call: stopping the
 * view and signing out. {@link ReadOnlyWhileViewing} refuses every other change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedWhileViewing {
}
