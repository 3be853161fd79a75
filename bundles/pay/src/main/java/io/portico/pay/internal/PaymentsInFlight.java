package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.records.Record;
import io.portico.api.records.RecordAdjustments;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Invoices as their payers should see them the moment they pay: the amount due lowered by the payments made in
 * Portico that NetSuite's balance does not show yet, "Payment processing" while one of them is (a bank debit takes
 * days), "Paid" once they cover it, "Payment failed" while it still owes after the bank returned its latest payment.
 */
@Component(service = RecordAdjustments.class)
public final class PaymentsInFlight implements RecordAdjustments {

    private static final String INVOICE = "invoice";

    private final PayCore core;

    @Activate
    public PaymentsInFlight(@Reference PayCore core) {
        this.core = core;
    }

    @Override
    public List<Record> adjust(DataScope scope, String recordType, List<Record> records) {
        if (!INVOICE.equals(recordType) || records.isEmpty()) {
            return records;
        }
        List<Long> ids = records.stream().map(Record::netsuiteId).distinct().toList();
        Map<Long, InFlight> inFlight;
        // No transaction: no BEGIN and COMMIT round trips on every invoice page.
        try (SqlSession session = core.sessions().openSession(true)) {
            inFlight = session.getMapper(PayMapper.class).inFlight(scope, ids).stream()
                    .collect(Collectors.toMap(InFlight::invoiceNetsuiteId, Function.identity()));
        }
        return records.stream().map(r -> adjusted(r, inFlight.get(r.netsuiteId()))).toList();
    }

    /**
     * The invoice as its payers should see it, given what payments made here hold of it ({@code null}: none held,
     * none returned).
     */
    static Record adjusted(Record invoice, InFlight paid) {
        if (paid == null || invoice.amountRemaining() == null) {
            return invoice;
        }
        BigDecimal remaining = paid.held() == null ? invoice.amountRemaining()
                : invoice.amountRemaining().subtract(paid.held()).max(BigDecimal.ZERO);
        String status = paid.processing() ? "payment-processing"
                : remaining.signum() == 0 ? "paid"
                : paid.bankReturned() ? "payment-failed" : invoice.status();
        return new Record(invoice.recordType(), invoice.netsuiteId(), invoice.organizationId(),
                invoice.organizationName(), invoice.number(), invoice.name(), invoice.date(), invoice.dueDate(), status,
                invoice.total(), remaining, invoice.currency(), invoice.lastModified(), invoice.attributes());
    }
}
