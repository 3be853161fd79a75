package io.portico.identity.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Portico identity", description = "Sign-in, sessions and emailed links")
public @interface IdentityConfig {

    @AttributeDefinition(description = "The portal's address as users reach it, for links in emails, e.g. "
            + "https://portal.example.com; https also makes every session cookie Secure")
    String publicUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "A session ends after this many minutes without a request")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "A session ends this many hours after sign-in, however busy")
    int sessionAbsoluteHours() default 12;

    @AttributeDefinition(description = "Failed sign-ins in a row that lock an account")
    int maxFailedSignIns() default 5;

    @AttributeDefinition(description = "How long a locked account stays locked, in minutes")
    int lockoutMinutes() default 15;

    @AttributeDefinition(description = "Failed sign-ins from one address within the window before it must wait")
    int addressFailureLimit() default 30;

    @AttributeDefinition(description = "The window for counting failed sign-ins per address, in minutes")
    int addressFailureWindowMinutes() default 15;

    @AttributeDefinition(description = "How long an invitation link works, in days")
    int invitationValidDays() default 7;

    @AttributeDefinition(description = "How long a password-reset link works, in minutes")
    int resetValidMinutes() default 60;

    @AttributeDefinition(description = "How long an email-verification link works, in hours")
    int verificationValidHours() default 48;
}
