package io.portico.api.records;

import java.util.List;
import java.util.Map;

/**
 * A record with its line lists (by list name, in NetSuite's line order) and its related records.
 */
public record RecordDetail(Record record, Map<String, List<Line>> lines, List<RelatedRecord> related) {

    public RecordDetail {
        lines = Map.copyOf(lines);
        related = List.copyOf(related);
    }
}
