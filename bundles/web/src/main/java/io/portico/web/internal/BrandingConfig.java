package io.portico.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Portico branding", description = "How the portal presents itself in pages and emails")
public @interface BrandingConfig {

    @AttributeDefinition(description = "The portal's name, shown in the header, titles and emails")
    String name() default "Portico";

    @AttributeDefinition(description = "Brand colour as #rrggbb")
    String colour() default "#1f4e79";

    @AttributeDefinition(description = "Path of the logo on this server, e.g. /static/logo.svg; empty for none")
    String logoPath() default "";
}
