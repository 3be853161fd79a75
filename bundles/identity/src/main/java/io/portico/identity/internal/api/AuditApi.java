package io.portico.identity.internal.api;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.identity.internal.audit.AuditEntry;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.members.Authority;
import java.util.List;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit log, newest first: the operator's admins read all of it, an organization's admins their
 * organization's entries. Page backwards with {@code before} (the last id seen).
 */
@Component(service = AuditApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditApi {

    private final AuditLog audit;

    @Activate
    public AuditApi(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditEntry> list(@Context ContainerRequestContext request,
            @QueryParam("organizationId") Long organizationId, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        PortalUser user = Caller.of(request);
        Long scope = organizationId;
        if (!user.operatorStaff()) {
            scope = user.organizationId();
        }
        if (scope != null) {
            Authority.requireManager(user, scope);
        } else {
            Authority.requireOperatorAdmin(user);
        }
        return audit.list(scope, before, limit);
    }
}
