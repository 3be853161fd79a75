package io.portico.api.web;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The operator's current branding as Settings &gt; Branding keeps it, registered by the settings bundle. Pages read it
 * through {@link Pages#branding()} (which falls back to {@code etc/io.portico.branding.cfg} while no source runs);
 * media that embed the images themselves (PDFs, emails) get their bytes here. A change made on any node is seen by
 * every node within seconds.
 *
 * @since 1.5
 */
@ProviderType
public interface BrandingSource {

    Branding branding();

    /** The uploaded logo (PNG, JPEG or a script-free SVG), if any. */
    Optional<Image> logo();

    /** The uploaded favicon (PNG, SVG or ICO), if any. */
    Optional<Image> favicon();

    /**
     * @param contentType {@code image/png}, {@code image/jpeg}, {@code image/svg+xml} or {@code image/x-icon}
     * @param bytes the file as uploaded (an SVG after the checks that refuse script and external references)
     */
    record Image(String contentType, byte[] bytes) {
    }
}
