package io.portico.web.internal;

import freemarker.cache.URLTemplateLoader;
import java.net.URL;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Finds templates inside bundles: the name {@code 42/io/acme/page.ftlh} is the entry {@code io/acme/page.ftlh} of
 * bundle 42. Templates go away with their bundle, and nothing here holds a bundle's class loader.
 */
final class BundleTemplateLoader extends URLTemplateLoader {

    private final BundleContext context;

    BundleTemplateLoader(BundleContext context) {
        this.context = context;
    }

    static String name(Bundle bundle, String path) {
        return bundle.getBundleId() + "/" + path;
    }

    @Override
    protected URL getURL(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(name.substring(0, slash));
        } catch (NumberFormatException e) {
            return null;
        }
        Bundle bundle = context.getBundle(id);
        return bundle == null ? null : bundle.getEntry(name.substring(slash + 1));
    }
}
