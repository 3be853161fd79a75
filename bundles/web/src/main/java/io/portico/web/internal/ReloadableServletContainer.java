package io.portico.web.internal;

import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * A Jersey servlet whose application can be replaced while it serves. Pax Web initialises servlets lazily, so a
 * configuration that arrives before {@code init} is kept until then; a reload shuts the old application down, so
 * requests hold the read lock and a reload takes the write lock.
 */
final class ReloadableServletContainer extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ReadWriteLock lock = new ReentrantReadWriteLock();
    private transient ResourceConfig latest;
    private transient ServletContainer container;

    ReloadableServletContainer(ResourceConfig initial) {
        this.latest = initial;
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
            container.service(request, response);
        } finally {
            lock.readLock().unlock();
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
