package io.portico.api.sync;

import java.util.List;

/**
 * What an administrator configures for one record type's sync.
 *
 * @param enabled whether the record type is synced at all
 * @param paused whether the schedule is suspended (a run can still be started by hand)
 * @param schedule a preset ({@code manual, 5m, 15m, 30m, hourly, 6h, 12h, daily, weekly}) or a 5-field cron
 *         expression ({@code minute hour day-of-month month day-of-week}, UTC), e.g. {@code 0 2 * * 1-5}
 * @param initialWindowDays the first full load takes the records of this many recent days first (by the record
 *         type's date), then the older history; null loads everything in one pass
 * @param subsidiaryIds only records of these NetSuite subsidiaries; empty for all
 * @param customCondition a SuiteQL condition ANDed to the record type's query (referring to its columns through the
 *         query's alias, e.g. {@code t.custbody_portal = 'T'}), or null
 * @param onDelete what a NetSuite deletion does to the Portico row: {@code archive} (kept, hidden) or {@code delete}
 * @param overlapSeconds how far before the last watermark incremental runs start reading, so that changes committed
 *         late in NetSuite are not missed
 * @param pageSize records per SuiteQL page, 1 to 1000
 * @param parallelism id-range slices a full load reads at once, 1 to 32 (NetSuite's concurrency limit still holds)
 */
public record SyncSettings(boolean enabled, boolean paused, String schedule, Integer initialWindowDays,
        List<Long> subsidiaryIds, String customCondition, String onDelete, int overlapSeconds, int pageSize,
        int parallelism) {

    public SyncSettings {
        subsidiaryIds = subsidiaryIds == null ? List.of() : List.copyOf(subsidiaryIds);
    }

    /** Enabled, hourly, everything at once, archive deletions, a 10-minute overlap, pages of 1000, 4 slices. */
    public static SyncSettings defaults() {
        return new SyncSettings(true, false, "hourly", null, List.of(), null, "archive", 600, 1000, 4);
    }
}
