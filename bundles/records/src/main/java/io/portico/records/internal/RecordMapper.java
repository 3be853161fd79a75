package io.portico.records.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.records.Dashboard;
import io.portico.api.records.Line;
import io.portico.api.records.Record;
import io.portico.api.records.RecordChanges;
import io.portico.api.records.RecordState;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/**
 * The portal's reads of synced records. Every statement filters by the scope's tenant and, for a customer, by its
 * organization, and leaves archived records out.
 */
public interface RecordMapper {

    List<Record> list(@Param("scope") DataScope scope, @Param("q") ListSql query);

    void stream(@Param("scope") DataScope scope, @Param("q") ListSql query, ResultHandler<Record> handler);

    /** Per currency and status of the scope's records of the type, the sums of the rows the filters keep. */
    List<StatusSum> sums(@Param("scope") DataScope scope, @Param("q") ListSql query);

    Record find(@Param("scope") DataScope scope, @Param("table") String table, @Param("recordType") String recordType,
            @Param("netsuiteId") long netsuiteId);

    List<Line> lines(@Param("scope") DataScope scope, @Param("recordType") String recordType,
            @Param("netsuiteId") long netsuiteId);

    /** The records whose {@code applications} lines name {@code netsuiteId}, with the amount applied. */
    List<AppliedRecord> appliedTo(@Param("scope") DataScope scope, @Param("netsuiteId") long netsuiteId);

    /** Transactions with the given NetSuite ids. */
    List<Record> transactions(@Param("scope") DataScope scope, @Param("netsuiteIds") List<Long> netsuiteIds);

    /** The transactions created from {@code netsuiteId} (a sales order's invoices and shipments). */
    List<Record> createdFrom(@Param("scope") DataScope scope, @Param("netsuiteId") String netsuiteId);

    List<Dashboard.Balance> balances(@Param("scope") DataScope scope, @Param("today") LocalDate today);

    List<Record> recent(@Param("scope") DataScope scope, @Param("limit") int limit);

    Record customer(@Param("scope") DataScope scope);

    List<Dashboard.OrganizationOverdue> mostOverdue(@Param("scope") DataScope scope, @Param("today") LocalDate today,
            @Param("limit") int limit);

    /** The tenant's live records of a type synced after a point, in sync order ({@link RecordChanges}). */
    List<RecordState> syncedAfter(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("after") RecordState.Point after, @Param("limit") int limit);

    /** The tenant's records of a type with the given ids, archived ones included ({@link RecordChanges}). */
    List<RecordState> current(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("netsuiteIds") List<Long> netsuiteIds);

    /** The count and money sums of the filtered rows in one currency and status (zero rows: a status present). */
    record StatusSum(String currency, String status, long count, java.math.BigDecimal total,
            java.math.BigDecimal amountRemaining) {
    }

    /** A record that was applied to another, with the amount. */
    record AppliedRecord(Record record, java.math.BigDecimal amount) {
    }
}
