package io.portico.web.internal;

import io.portico.api.web.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * A Jersey servlet whose application can be replaced while it serves. Pax Web initialises servlets lazily, so a
 * configuration that arrives before {@code init} is kept until then; a reload shuts the old application down, so
 * requests hold the read lock and a reload takes the write lock.
 */
final class ReloadableServletContainer extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final long DROPPED_BYTES = 1024 * 1024;

    private final transient ReadWriteLock lock = new ReentrantReadWriteLock();
    private final transient Pages pages;
    private transient ResourceConfig latest;
    private transient ServletContainer container;

    ReloadableServletContainer(ResourceConfig initial, Pages pages) {
        this.latest = initial;
        this.pages = pages;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        lock.writeLock().lock();
        try {
            container = new ServletContainer(latest);
            container.init(config);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void reload(ResourceConfig config) {
        lock.writeLock().lock();
        try {
            latest = config;
            if (container != null) {
                container.reload(config);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        lock.readLock().lock();
        try {
            container.service(request, new ProblemOnSendError((HttpServletRequest) request,
                    (HttpServletResponse) response, pages));
            dropUnreadBody(request);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reads what is left of a refused request's body (up to {@link #DROPPED_BYTES}), so that a client still sending
     * it receives the answer instead of a connection reset; beyond that the connection may be closed.
     */
    private static void dropUnreadBody(ServletRequest request) {
        try {
            InputStream body = request.getInputStream();
            byte[] buffer = new byte[8192];
            long dropped = 0;
            for (int n; dropped < DROPPED_BYTES && (n = body.read(buffer)) > 0; ) {
                dropped += n;
            }
        } catch (IOException | IllegalStateException e) {
            // read as text by the resource, or the client went away: nothing to drop
        }
    }

    @Override
    public void destroy() {
        lock.writeLock().lock();
        try {
            if (container != null) {
                container.destroy();
                container = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
