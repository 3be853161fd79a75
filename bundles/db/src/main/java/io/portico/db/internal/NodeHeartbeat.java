package io.portico.db.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps this node's row in the {@code node} table fresh, so every node knows which nodes are alive. */
final class NodeHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);
    private static final String LIVE = "last_seen_at > now() - interval '60 seconds'";

    private final DataSource dataSource;
    private final String nodeId = UUID.randomUUID().toString();
    private final String version;
    private volatile int liveNodes;

    NodeHeartbeat(DataSource dataSource, String version) {
        this.dataSource = dataSource;
        this.version = version;
    }

    /** Refreshes this node's row and counts the live nodes, so that health checks need not query for it. */
    void beat() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     INSERT INTO node (node_id, host_name, version, started_at, last_seen_at)
                     VALUES (?, ?, ?, now(), now())
                     ON CONFLICT (node_id) DO UPDATE SET last_seen_at = now()""");
             PreparedStatement prune = c.prepareStatement(
                     "DELETE FROM node WHERE last_seen_at < now() - interval '1 day'")) {
            upsert.setString(1, nodeId);
            upsert.setString(2, hostName());
            upsert.setString(3, version);
            upsert.executeUpdate();
            prune.executeUpdate();
            liveNodes = countLive(c);
        }
    }

    void beatQuietly() {
        try {
            beat();
        } catch (SQLException e) {
            LOG.debug("Heartbeat failed: {}", e.getMessage());
        }
    }

    /** The live nodes as of the last heartbeat. */
    int liveNodes() {
        return liveNodes;
    }

    private static int countLive(Connection c) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM node WHERE " + LIVE);
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void leave() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM node WHERE node_id = ?")) {
            delete.setString(1, nodeId);
            delete.executeUpdate();
        } catch (SQLException e) {
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
