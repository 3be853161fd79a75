package io.portico.documents.internal;

import io.portico.api.identity.DataScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * A customer's statement of account, computed in SQL from the synced invoices, customer payments and credit memos in
 * the reader's scope (which must name one organization). Invoices count up, payments and credit memos down; amounts
 * are in each transaction's own currency, never converted.
 */
interface StatementMapper {

    /** Per currency: the balance before {@code from} and at the end of {@code to}. */
    List<Balance> balances(@Param("scope") DataScope scope, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Every transaction dated in the range, in statement order, with the running balance after it. */
    List<Entry> activity(@Param("scope") DataScope scope, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /**
     * Every item open at the end of {@code to} (invoices not yet paid or credited, payments and credits not yet
     * applied, each by the applications dated up to then), with its open amount and the running total of them.
     */
    List<Entry> openItems(@Param("scope") DataScope scope, @Param("to") LocalDate to);

    /**
     * What the open invoices owe at the end of {@code to}, per currency and aging bucket: bucket 0 is not past due
     * (by its due date, else its date), bucket {@code i} from 1 holds those past due by more than
     * {@code bounds[i-2]} (0 for the first) and at most {@code bounds[i-1]} days, the last those past the last bound.
     */
    List<AgingSum> aging(@Param("scope") DataScope scope, @Param("to") LocalDate to,
            @Param("bounds") List<Integer> bounds);

    record Balance(String currency, BigDecimal opening, BigDecimal closing) {
    }

    /**
     * @param amount what the transaction (or in open items, its open part) adds to the balance: positive for an
     *        invoice, negative for a payment or credit memo
     * @param balance the running balance after it
     */
    record Entry(String currency, String recordType, long netsuiteId, String number, LocalDate date, LocalDate dueDate,
            String status, BigDecimal amount, BigDecimal balance) {
    }

    record AgingSum(String currency, int bucket, BigDecimal amount) {
    }
}
