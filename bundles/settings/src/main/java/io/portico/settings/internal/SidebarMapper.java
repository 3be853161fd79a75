package io.portico.settings.internal;

import io.portico.api.web.SidebarLayout;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Settings &gt; Sidebar's rows for the operator (the deployment's one tenant). */
public interface SidebarMapper {

    /** The placed entries, in order. */
    List<SidebarLayout.Placement> placements();

    void deleteAll(@Param("tenantId") long tenantId);

    void insert(@Param("tenantId") long tenantId, @Param("position") int position,
            @Param("p") SidebarLayout.Placement placement);
}
