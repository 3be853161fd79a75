package io.portico.sso.entra;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Portico SSO: Microsoft Entra ID",
        description = "Sign in with Microsoft (etc/io.portico.sso.entra.cfg). In the app registration add the redirect"
                + " URI <Portico address>/auth/sso/entra/callback and, under Token configuration, the optional ID"
                + " token claims 'email' and 'xms_edov': an email counts as verified only when xms_edov is true.")
public @interface EntraConfig {

    @AttributeDefinition(description = "Application (client) id of the app registration")
    String clientId();

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Client secret; seal it with portico:secret-seal to keep it encrypted at rest")
    String clientSecret();

    @AttributeDefinition(description = "Who may sign in: 'organizations' (any work or school account), 'common'"
            + " (also personal Microsoft accounts), 'consumers', or one tenant id or domain")
    String tenant() default "organizations";

    @AttributeDefinition(description = "Tenant ids allowed to sign in, separated by spaces or commas; empty allows"
            + " every tenant that 'tenant' admits")
    String allowedTenants() default "";

    @AttributeDefinition(description = "Sign-in button label")
    String buttonLabel() default "Sign in with Microsoft";

    @AttributeDefinition(description = "Public base address of Portico (e.g. https://portal.example.com), when the"
            + " callback address must differ from what the server sees")
    String redirectBaseUrl() default "";

    @AttributeDefinition(description = "Microsoft's login address; change it only for national clouds or tests")
    String authority() default EntraSettings.AUTHORITY;
}
