package io.portico.settings.internal;

import java.util.Map;
import org.apache.ibatis.annotations.Param;

/** Settings &gt; Branding's one row for the operator (the deployment's one tenant). */
public interface BrandingMapper {

    /** The saved branding, or {@code null} while an admin has not saved any. */
    BrandingRow current();

    /** {@code bytes} and {@code type} of the image ({@code logo} or {@code favicon}), or {@code null} for none. */
    Map<String, Object> image(@Param("column") String column);

    /**
     * Inserts or updates the row and increments its version. A {@code null} image with {@code keep…} true leaves
     * the saved one; with {@code keep…} false it removes it.
     */
    void save(@Param("tenantId") long tenantId, @Param("userId") Long userId, @Param("b") BrandingRow branding,
            @Param("logo") byte[] logo, @Param("keepLogo") boolean keepLogo, @Param("favicon") byte[] favicon,
            @Param("keepFavicon") boolean keepFavicon);

}
