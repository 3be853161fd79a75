package io.portico.documents.internal;

import io.portico.api.identity.Organization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.records.RecordDetail;
import io.portico.api.web.Formats;
import io.portico.documents.internal.StatementMapper.Entry;
import io.portico.documents.internal.Statements.Request;
import io.portico.documents.internal.Statements.Section;
import io.portico.documents.internal.Statements.StatementOfAccount;
import io.portico.documents.internal.TransactionDocument.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the warm time to render an invoice PDF (20 lines; p50 and p99 of 300) and a statement PDF of 1,000
 * transactions (p50 of 10), template and layout included, on this machine. Not a test: after
 * {@code mvn -pl bundles/documents test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}, run
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.portico.documents.internal.DocumentsBenchmark}
 * in {@code bundles/documents}.
 */
public final class DocumentsBenchmark {

    private DocumentsBenchmark() {
    }

    public static void main(String[] args) {
        Formats formats = new Formats(List.of(Locale.US), null);
        RecordDetail invoice = new RecordDetail(TransactionPdfTest.record("invoice", "INV-1", new BigDecimal("2300.00"),
                new BigDecimal("100.00"), Map.of("billingAddress", "Müller GmbH\nHauptstraße 5\nBerlin")),
                Map.of("items", TransactionPdfTest.items(20)), List.of());
        Map<String, Object> invoiceModel = TransactionDocument.model(Kind.INVOICE, invoice, formats, List.of("Oslo"),
                TestFields.NONE);
        long[] invoiceTimes = time(300, 50, () -> TransactionPdfTest.RENDERER.render(TransactionPdfs.class,
                "transaction.ftlh", invoiceModel));
        System.out.printf("invoice PDF (20 lines): p50 %.1f ms, p99 %.1f ms%n", ms(invoiceTimes, 0.50),
                ms(invoiceTimes, 0.99));

        List<Entry> entries = new ArrayList<>();
        BigDecimal balance = BigDecimal.ZERO;
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 1000; i++) {
            BigDecimal amount = i % 3 == 2 ? new BigDecimal("-150.00") : new BigDecimal("99.95");
            balance = balance.add(amount);
            entries.add(new Entry("USD", i % 3 == 2 ? "customerpayment" : "invoice", i, "DOC-" + i,
                    day.plusDays(i / 3), day.plusDays(i / 3 + 30), "open", amount, balance));
        }
        List<BigDecimal> aging = new ArrayList<>(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN));
        StatementOfAccount statement = new StatementOfAccount(new Request(day, day.plusDays(400),
                Statements.View.ACTIVITY), List.of(new Section("USD", BigDecimal.ZERO, balance, entries, aging,
                BigDecimal.ZERO)), Statements.agingLabels(new int[] {30, 60, 90, 120, 180}));
        Organization customer = new Organization(7, 1L, OrganizationKind.CUSTOMER, "Müller 山田", "7", null, List.of(),
                null, "USD", Map.of(), Instant.EPOCH, Instant.EPOCH, null);
        Map<String, Object> statementModel = StatementPages.view(customer, statement, formats, TestFields.NONE);
        statementModel.put("operatorAddress", List.of("Oslo"));
        long[] statementTimes = time(10, 3, () -> TransactionPdfTest.RENDERER.render(StatementPages.class,
                "statement-pdf.ftlh", statementModel));
        System.out.printf("statement PDF (1,000 transactions): p50 %.1f ms, max %.1f ms%n",
                ms(statementTimes, 0.50), ms(statementTimes, 1.0));
    }

    private static long[] time(int runs, int warmup, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double ms(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
