package io.portico.api.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names a plugin service: {@code @Component @PluginName("invoice")} sets the {@value #PROPERTY} service property
 * that registries read before they touch the service itself.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginName {

    String PREFIX_ = "portico.";

    /** The service property holding a plugin's name. */
    String PROPERTY = "portico.plugin.name";

    /** Lower-case letters, digits, '-' and '_', starting with a letter, at most 64 characters. */
    Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    String value();
}
