package io.portico.settings.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/io.portico.branding.cfg} as Settings &gt; Branding reads it: the branding until an admin first saves
 * one (the web bundle reads the same file while the settings bundle is not running).
 */
@ObjectClassDefinition(name = "Portico branding (initial value)")
@interface InitialBranding {

    @AttributeDefinition(description = "The portal's name")
    String name() default "Portico";

    @AttributeDefinition(description = "Brand colour as #rrggbb")
    String colour() default "#1f4e79";

    @AttributeDefinition(description = "Path of a logo on this server, e.g. /static/logo.svg; empty for none")
    String logoPath() default "";
}
