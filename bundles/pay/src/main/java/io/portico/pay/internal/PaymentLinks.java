package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * No-login payment links: a random token that lets whoever holds it pay a customer's invoices, and nothing else.
 * Only the token's SHA-256 is stored, so the table cannot be turned back into working links; the token is looked up
 * by its hash (256 random bits leave nothing to guess and no string compare to time). A link shows the invoices'
 * current balances from the database, never an amount from the URL, and every payment made through it keeps the
 * link's id: another link's token does not reach it.
 */
final class PaymentLinks {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 90;
    static final int MAX_LISTED = 200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final SqlSessionFactory sessions;
    private final PaymentLedger ledger;
    private final Clock clock;

    PaymentLinks(SqlSessionFactory sessions, PaymentLedger ledger, Clock clock) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A link just made, with its token: the one moment the token exists outside the holder's hands. */
    record Created(PayLink link, String token) {
    }

    /**
     * Makes a link to pay invoices of the scope (NetSuite ids), valid for {@code days} (default 30, 1 to 90).
     *
     * @throws ProblemException 404 for an invoice outside the scope, 400 for invoices of two customers or a validity
     *     out of range, 409 for an invoice with nothing left to pay
     */
    Created create(DataScope scope, Long createdBy, List<Long> invoiceIds, Integer days) {
        int validity = days == null ? DEFAULT_DAYS : days;
        if (validity < 1 || validity > MAX_DAYS) {
            throw ProblemException.badRequest("A payment link is valid for 1 to " + MAX_DAYS + " days (days).");
        }
        List<Long> ids = invoiceIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            throw ProblemException.badRequest("Choose at least one invoice for the link (invoice).");
        }
        if (ids.size() > PaymentLedger.MAX_INVOICES) {
            throw ProblemException.badRequest("A link pays at most " + PaymentLedger.MAX_INVOICES + " invoices.");
        }
        List<InvoiceBalance> invoices = ledger.balances(scope, ids);
        if (invoices.size() != ids.size()) {
            throw ProblemException.notFound("There is no such invoice here.");
        }
        if (invoices.stream().map(InvoiceBalance::organizationId).distinct().count() > 1) {
            throw ProblemException.badRequest("A payment link is for the invoices of one customer.");
        }
        for (InvoiceBalance invoice : invoices) {
            if (invoice.payable().signum() == 0) {
                throw ProblemException.conflict(invoice.number() + " is already paid: there is nothing to ask for.");
            }
        }
        String token = newToken();
        Instant expires = clock.instant().plus(Duration.ofDays(validity));
        try (SqlSession session = sessions.openSession(true)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            long id = mapper.insertLink(scope.tenantId(), invoices.get(0).organizationId(), sha256(token), ids,
                    createdBy, expires);
            return new Created(mapper.link(scope, id), token);
        }
    }

    /**
     * The link a token opens. Each refusal says what is wrong in its own words; a malformed token and one that
     * matches no link are the same answer, so nothing tells whether some other token exists.
     *
     * @throws ProblemException 404 for a token that is not a link, 410 for a revoked or an expired one
     */
    PayLink find(String token) {
        PayLink link = null;
        if (wellFormed(token)) {
            try (SqlSession session = sessions.openSession()) {
                link = session.getMapper(PayMapper.class).linkByHash(sha256(token));
            }
        }
        if (link == null) {
            throw ProblemException.notFound("This payment link is not valid. Check that it was copied in full, or "
                    + "ask whoever sent it for a new one.");
        }
        if (link.revokedAt() != null) {
            throw ProblemException.gone("This payment link was withdrawn on " + DAY.format(link.revokedAt())
                    + ". Ask whoever sent it for a new one if there is still something to pay.");
        }
        if (link.expired(clock.instant())) {
            throw ProblemException.gone("This payment link expired on " + DAY.format(link.expiresAt())
                    + ". Ask whoever sent it for a new one.");
        }
        return link;
    }

    /** The link a token opens, marked as opened now. */
    PayLink open(String token) {
        PayLink link = find(token);
        try (SqlSession session = sessions.openSession(true)) {
            session.getMapper(PayMapper.class).linkOpened(link.id());
        }
        return link;
    }

    /** The rows a link's holder reaches: the link's customer, no further. */
    static DataScope scope(PayLink link) {
        return new DataScope(link.tenantId(), link.organizationId());
    }

    /**
     * The payer of a link: the holder has no account, so the receipt goes to the email they give.
     *
     * @throws ProblemException 400 when the email is missing or not an address
     */
    static Payer payer(PayLink link, String email) {
        String address = email == null ? "" : email.trim();
        if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ProblemException.badRequest("Enter the email address the receipt should go to (email).");
        }
        return new Payer(scope(link), null, link.id(), address);
    }

    /**
     * The amounts a link's holder asked for, of the link's invoices only.
     *
     * @throws ProblemException 404 for an invoice the link is not for
     */
    static List<Allocation> ofLink(PayLink link, List<Allocation> asked) {
        var allowed = new HashSet<>(link.invoiceIds());
        List<Allocation> allocations = new ArrayList<>();
        for (Allocation a : asked) {
            if (!allowed.contains(a.invoiceNetsuiteId())) {
                throw ProblemException.notFound("There is no such invoice here.");
            }
            allocations.add(a);
        }
        return allocations;
    }

    /**
     * A payment made through this link: a payment of another link, or of a signed-in user, is not found.
     *
     * @throws ProblemException 404 when there is no such payment of the link
     */
    Payment payment(PayLink link, UUID publicId) {
        return ledger.find(scope(link), publicId).filter(p -> p.linkId() != null && p.linkId() == link.id())
                .orElseThrow(() -> ProblemException.notFound("There is no such payment here."));
    }

    /** The scope's links, newest first (revoked and expired ones too, so that people see what happened). */
    List<PayLink> list(DataScope scope, Long organizationId) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(PayMapper.class).links(scope, organizationId, MAX_LISTED);
        }
    }

    /**
     * Withdraws a link of the scope; withdrawing it again changes nothing.
     *
     * @throws ProblemException 404 when the scope has no such link
     */
    PayLink revoke(DataScope scope, long id) {
        try (SqlSession session = sessions.openSession(true)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            mapper.revokeLink(scope, id);
            PayLink link = mapper.link(scope, id);
            if (link == null) {
                throw ProblemException.notFound("There is no such payment link here.");
            }
            return link;
        }
    }

    boolean expired(PayLink link) {
        return link.expired(clock.instant());
    }

    /** 256 random bits, URL-safe base64 without padding (43 characters). */
    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a value can be a token at all, so that junk never reaches the database. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
