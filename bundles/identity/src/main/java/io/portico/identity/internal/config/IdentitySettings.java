package io.portico.identity.internal.config;

import java.net.URI;
import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** The identity configuration ({@code etc/io.portico.identity.cfg}), checked once and shared by the components. */
@Component(service = IdentitySettings.class, configurationPid = "io.portico.identity")
@Designate(ocd = IdentityConfig.class)
public final class IdentitySettings {

    private final String publicUrl;
    private final Duration sessionIdle;
    private final Duration sessionAbsolute;
    private final int maxFailedSignIns;
    private final int lockoutMinutes;
    private final int addressFailureLimit;
    private final int addressFailureWindowMinutes;
    private final Duration invitationValidity;
    private final Duration resetValidity;
    private final Duration verificationValidity;

    @Activate
    public IdentitySettings(IdentityConfig config) {
        this(config.publicUrl(), config.sessionIdleMinutes(), config.sessionAbsoluteHours(),
                config.maxFailedSignIns(), config.lockoutMinutes(), config.addressFailureLimit(),
                config.addressFailureWindowMinutes(), config.invitationValidDays(), config.resetValidMinutes(),
                config.verificationValidHours());
    }

    public IdentitySettings(String publicUrl, int sessionIdleMinutes, int sessionAbsoluteHours,
            int maxFailedSignIns, int lockoutMinutes, int addressFailureLimit, int addressFailureWindowMinutes,
            int invitationValidDays, int resetValidMinutes, int verificationValidHours) {
        URI url = URI.create(publicUrl.strip());
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("publicUrl must be an http(s) address, not " + publicUrl);
        }
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
        this.sessionIdle = Duration.ofMinutes(positive(sessionIdleMinutes, "sessionIdleMinutes"));
        this.sessionAbsolute = Duration.ofHours(positive(sessionAbsoluteHours, "sessionAbsoluteHours"));
        this.maxFailedSignIns = positive(maxFailedSignIns, "maxFailedSignIns");
        this.lockoutMinutes = positive(lockoutMinutes, "lockoutMinutes");
        this.addressFailureLimit = positive(addressFailureLimit, "addressFailureLimit");
        this.addressFailureWindowMinutes = positive(addressFailureWindowMinutes, "addressFailureWindowMinutes");
        this.invitationValidity = Duration.ofDays(positive(invitationValidDays, "invitationValidDays"));
        this.resetValidity = Duration.ofMinutes(positive(resetValidMinutes, "resetValidMinutes"));
        this.verificationValidity = Duration.ofHours(positive(verificationValidHours, "verificationValidHours"));
    }

    /** Defaults suitable for tests, with the given public URL. */
    public static IdentitySettings defaults(String publicUrl) {
        return new IdentitySettings(publicUrl, 30, 12, 5, 15, 30, 15, 7, 60, 48);
    }

    private static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    /** The portal's base address without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    /** A link into the portal, e.g. {@code link("/reset-password?token=...")}. */
    public String link(String pathAndQuery) {
        return publicUrl + pathAndQuery;
    }

    public boolean httpsOnly() {
        return publicUrl.startsWith("https:");
    }

    public Duration sessionIdle() {
        return sessionIdle;
    }

    public Duration sessionAbsolute() {
        return sessionAbsolute;
    }

    public int maxFailedSignIns() {
        return maxFailedSignIns;
    }

    public int lockoutMinutes() {
        return lockoutMinutes;
    }

    public int addressFailureLimit() {
        return addressFailureLimit;
    }

    public int addressFailureWindowMinutes() {
        return addressFailureWindowMinutes;
    }

    public Duration invitationValidity() {
        return invitationValidity;
    }

    public Duration resetValidity() {
        return resetValidity;
    }

    public Duration verificationValidity() {
        return verificationValidity;
    }
}
