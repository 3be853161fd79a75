package io.portico.sso.google;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Portico SSO: Google",
        description = "Sign in with Google (etc/io.portico.sso.google.cfg); register a web application OAuth client"
                + " with the redirect URI <Portico address>/auth/sso/google/callback")
public @interface GoogleConfig {

    @AttributeDefinition(description = "OAuth client id, ending in .apps.googleusercontent.com")
    String clientId();

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "OAuth client secret; seal it with portico:secret-seal to keep it encrypted at rest")
    String clientSecret();

    @AttributeDefinition(description = "Sign-in button label")
    String buttonLabel() default "Sign in with Google";

    @AttributeDefinition(description = "Public base address of Portico (e.g. https://portal.example.com), when the"
            + " callback address must differ from what the server sees")
    String redirectBaseUrl() default "";

    @AttributeDefinition(description = "Google's issuer; change it only to test against another OIDC server")
    String issuer() default GoogleSettings.ISSUER;
}
