package io.portico.db.internal;

import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code node}: the nodes of the cluster and when each was last seen. */
public interface NodeMapper {

    /** Adds this node, or marks it seen now. */
    void seen(@Param("nodeId") String nodeId, @Param("hostName") String hostName, @Param("version") String version);

    /** Forgets nodes not seen for a day. */
    int deleteLongGone();

    /** Nodes seen in the last minute. */
    int countLive();

    int delete(@Param("nodeId") String nodeId);
}
