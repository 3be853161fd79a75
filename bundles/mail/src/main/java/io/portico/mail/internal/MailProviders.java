package io.portico.mail.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The context class loader for Jakarta Mail calls. Jakarta Mail and Jakarta Activation find their implementations
 * with {@code ServiceLoader} and {@code META-INF/mailcap} files through the thread's context class loader; in OSGi
 * those files live in two bundles, Angus Mail (SMTP, stream and content handlers) and Angus Activation (the mailcap
 * registry). This loader sees both, and nothing else.
 */
final class MailProviders extends ClassLoader {

    static final MailProviders INSTANCE = new MailProviders();

    private final List<ClassLoader> delegates = List.of(SMTPTransport.class.getClassLoader(),
            MailcapRegistryProviderImpl.class.getClassLoader());

    private MailProviders() {
        super(null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : delegates) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException e) {
                // try the next bundle
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader loader : delegates) {
            URL url = loader.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (ClassLoader loader : delegates.stream().distinct().toList()) {
            urls.addAll(Collections.list(loader.getResources(name)));
        }
        return Collections.enumeration(urls);
    }
}
