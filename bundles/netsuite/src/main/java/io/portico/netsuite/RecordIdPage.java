package io.portico.netsuite;

import java.util.List;

/**
 * One page of a record list: NetSuite lists return ids only.
 *
 * @param ids the internal ids on this page
 * @param offset the offset this page starts at
 * @param hasMore whether another page follows
 * @param totalResults all matching records
 */
public record RecordIdPage(List<String> ids, int offset, boolean hasMore, int totalResults) {

    public RecordIdPage {
        ids = List.copyOf(ids);
    }
}
