package io.portico.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Portico mail", description = "The SMTP server that sends Portico's emails")
public @interface MailConfig {

    @AttributeDefinition(description = "SMTP host")
    String host() default "localhost";

    @AttributeDefinition(description = "SMTP port: 25 or 587 (STARTTLS), 465 (TLS)")
    int port() default 25;

    @AttributeDefinition(description = "How the connection is protected", options = {
        @Option(value = "none", label = "Plain (local relay only)"),
        @Option(value = "starttls", label = "STARTTLS, required"),
        @Option(value = "tls", label = "TLS from the start")})
    String security() default "none";

    @AttributeDefinition(description = "User name for SMTP authentication; empty for none")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "SMTP password; seal it with portico:secret-seal to keep it encrypted at rest")
    String password() default "";

    @AttributeDefinition(description = "Sender address, e.g. portal@example.com")
    String from() default "portico@localhost";

    @AttributeDefinition(description = "Sender name; empty for the portal's brand name")
    String fromName() default "";

    @AttributeDefinition(description = "Connect and read timeout in milliseconds")
    int timeoutMillis() default 15000;
}
