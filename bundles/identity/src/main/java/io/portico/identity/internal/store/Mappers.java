package io.portico.identity.internal.store;

import io.portico.identity.internal.apitoken.ApiTokenMapper;
import io.portico.identity.internal.audit.AuditMapper;
import io.portico.identity.internal.org.ContactLinkMapper;
import io.portico.identity.internal.org.OrganizationMapper;
import io.portico.identity.internal.policy.PolicyMapper;
import io.portico.identity.internal.session.SessionMapper;
import io.portico.identity.internal.sso.UserIdentityMapper;
import io.portico.identity.internal.token.OneTimeTokenMapper;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.UserMapper;

/** Every mapper of the identity bundle, registered in one session factory. */
final class Mappers {

    static final Class<?>[] ALL = {
        OrganizationMapper.class,
        ContactLinkMapper.class,
        UserMapper.class,
        MembershipMapper.class,
        SessionMapper.class,
        OneTimeTokenMapper.class,
        ApiTokenMapper.class,
        AuditMapper.class,
        PolicyMapper.class,
        UserIdentityMapper.class,
    };

    private Mappers() {
    }
}
