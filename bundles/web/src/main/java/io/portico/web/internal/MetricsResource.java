package io.portico.web.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

/** {@code /metrics} in the Prometheus text exposition format: JVM, HTTP request timings and the connection pool. */
@Path("metrics")
public final class MetricsResource {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpMetrics http;

    MetricsResource(HttpMetrics http) {
        this.http = http;
    }

    @GET
    @Produces(CONTENT_TYPE)
    public String metrics() {
        StringBuilder out = new StringBuilder(8192);
        jvm(out);
        pool(out);
        http(out);
        return out.toString();
    }

    private static void jvm(StringBuilder out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        header(out, "jvm_memory_used_bytes", "gauge", "Used JVM memory by area");
        gaugeArea(out, "jvm_memory_used_bytes", memory.getHeapMemoryUsage(), memory.getNonHeapMemoryUsage(), true);
        header(out, "jvm_memory_committed_bytes", "gauge", "Committed JVM memory by area");
        gaugeArea(out, "jvm_memory_committed_bytes", memory.getHeapMemoryUsage(), memory.getNonHeapMemoryUsage(),
                false);
        header(out, "jvm_memory_max_bytes", "gauge", "Maximum heap");
        sample(out, "jvm_memory_max_bytes{area=\"heap\"}", memory.getHeapMemoryUsage().getMax());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        header(out, "jvm_threads_live", "gauge", "Live threads");
        sample(out, "jvm_threads_live", threads.getThreadCount());

        header(out, "jvm_gc_collection_seconds_count", "counter", "GC collections by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sample(out, "jvm_gc_collection_seconds_count{gc=\"" + escape(gc.getName()) + "\"}",
                    gc.getCollectionCount());
        }
        header(out, "jvm_gc_collection_seconds_sum", "counter", "GC time by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sample(out, "jvm_gc_collection_seconds_sum{gc=\"" + escape(gc.getName()) + "\"}",
                    gc.getCollectionTime() / 1000.0);
        }
        header(out, "process_uptime_seconds", "gauge", "JVM uptime");
        sample(out, "process_uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        header(out, "jvm_classes_loaded", "gauge", "Loaded classes");
        sample(out, "jvm_classes_loaded", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
    }

    /** Reads HikariCP's pool MBeans, so the web bundle needs no dependency on the database bundle. */
    private static void pool(StringBuilder out) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> pools;
        try {
            pools = server.queryNames(new ObjectName("com.zaxxer.hikari:type=Pool (*)"), null);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        String[][] gauges = {
            {"ActiveConnections", "db_pool_active_connections", "Connections in use"},
            {"IdleConnections", "db_pool_idle_connections", "Idle connections"},
            {"TotalConnections", "db_pool_connections", "Open connections"},
            {"ThreadsAwaitingConnection", "db_pool_pending_threads", "Threads waiting for a connection"},
        };
        for (String[] gauge : gauges) {
            header(out, gauge[1], "gauge", gauge[2]);
            for (ObjectName pool : pools) {
                String name = pool.getKeyProperty("type").replaceAll("^Pool \\((.*)\\)$", "$1");
                try {
                    Number value = (Number) server.getAttribute(pool, gauge[0]);
                    sample(out, gauge[1] + "{pool=\"" + escape(name) + "\"}", value.doubleValue());
                } catch (javax.management.JMException e) {
                    // The pool closed between the query and the read: skip it.
                }
            }
        }
    }

    private void http(StringBuilder out) {
        header(out, "http_server_requests_seconds", "histogram", "JAX-RS request durations");
        http.snapshot().forEach((series, histogram) -> {
            String labels = "method=\"" + series.method() + "\",route=\"" + escape(series.route())
                    + "\",status=\"" + series.status() + "\"";
            for (int i = 0; i < HttpMetrics.BUCKETS.length; i++) {
                sample(out, "http_server_requests_seconds_bucket{" + labels + ",le=\"" + HttpMetrics.BUCKETS[i]
                        + "\"}", histogram.buckets[i].sum());
            }
            sample(out, "http_server_requests_seconds_bucket{" + labels + ",le=\"+Inf\"}", histogram.count.sum());
            sample(out, "http_server_requests_seconds_count{" + labels + "}", histogram.count.sum());
            sample(out, "http_server_requests_seconds_sum{" + labels + "}", histogram.sum.sum());
        });
    }

    private static void gaugeArea(StringBuilder out, String name, MemoryUsage heap, MemoryUsage nonHeap,
            boolean used) {
        sample(out, name + "{area=\"heap\"}", used ? heap.getUsed() : heap.getCommitted());
        sample(out, name + "{area=\"nonheap\"}", used ? nonHeap.getUsed() : nonHeap.getCommitted());
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String series, double value) {
        out.append(series).append(' ');
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            out.append((long) value);
        } else {
            out.append(String.format(Locale.ROOT, "%s", value));
        }
        out.append('\n');
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
