package io.portico.api.records;

import java.util.List;

/**
 * A page of a list.
 *
 * @param records the page's records
 * @param totalCount how many records match the query in all
 * @param sums the money columns summed over every matching record, one entry per currency
 * @param statuses the statuses present among the scope's records of this type, for a filter
 */
public record RecordPage(List<Record> records, long totalCount, List<MoneySum> sums, List<String> statuses) {

    public RecordPage {
        records = List.copyOf(records);
        sums = List.copyOf(sums);
        statuses = List.copyOf(statuses);
    }
}
