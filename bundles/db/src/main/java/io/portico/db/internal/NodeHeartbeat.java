package io.portico.db.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps this node's row in the {@code node} table fresh, so every node knows which nodes are alive. */
final class NodeHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final SqlSessionFactory sessions;
    private final String nodeId = UUID.randomUUID().toString();
    private final String version;
    private volatile int liveNodes;

    /** @param sessions a session factory that knows {@link NodeMapper} */
    NodeHeartbeat(SqlSessionFactory sessions, String version) {
        this.sessions = sessions;
        this.version = version;
    }

    /** Refreshes this node's row and counts the live nodes, so that health checks need not query for it. */
    void beat() {
        try (SqlSession s = sessions.openSession(true)) {
            NodeMapper nodes = s.getMapper(NodeMapper.class);
            nodes.seen(nodeId, hostName(), version);
            nodes.deleteLongGone();
            liveNodes = nodes.countLive();
        }
    }

    void beatQuietly() {
        try {
            beat();
        } catch (PersistenceException e) {
            LOG.debug("Heartbeat failed: {}", e.getMessage());
        }
    }

    /** The live nodes as of the last heartbeat. */
    int liveNodes() {
        return liveNodes;
    }

    void leave() {
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(NodeMapper.class).delete(nodeId);
        } catch (PersistenceException e) {
            LOG.debug("Could not remove node row: {}", e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
