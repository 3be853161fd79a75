package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The payments made in Portico as their pages, API and console read them: a customer's own, or all of the tenant for
 * operator staff, always through the reader's {@link DataScope}.
 */
final class PaymentsQuery {

    static final int MAX_PAGE = 200;

    private final SqlSessionFactory sessions;

    PaymentsQuery(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /** A page of payments and how many match in all. */
    record Page(List<PaymentRow> rows, long total) {
    }

    /** A payment with where its money went, what it went through and its refunds. */
    record Detail(PaymentRow payment, List<Allocation> allocations, List<PaymentEvent> events,
            List<Refund> refunds) {
    }

    Page list(PaymentFilter filter) {
        try (SqlSession session = sessions.openSession()) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            return new Page(mapper.payments(filter), mapper.countPayments(filter));
        }
    }

    /** One payment the scope reaches, submitted by its payer (an abandoned checkout is not a payment made). */
    Optional<Detail> find(DataScope scope, UUID publicId) {
        try (SqlSession session = sessions.openSession()) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            PaymentRow row = mapper.paymentRow(scope, publicId);
            if (row == null || "created".equals(row.status())) {
                return Optional.empty();
            }
            return Optional.of(new Detail(row, mapper.allocations(row.id()), mapper.events(row.id()),
                    mapper.refunds(row.id())));
        }
    }
}
