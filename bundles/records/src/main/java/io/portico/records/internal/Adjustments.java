package io.portico.records.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.records.Record;
import io.portico.api.records.RecordAdjustments;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordPage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records as the portal shows them: as synced, adjusted by every {@link RecordAdjustments} registered at the moment
 * (a payment made in Portico lowers an invoice's amount due before NetSuite has it). A plugin that fails costs its
 * adjustment, not the page: the records then show as synced.
 */
@Component(service = Adjustments.class)
public final class Adjustments {

    private static final Logger LOG = LoggerFactory.getLogger(Adjustments.class);

    private final List<RecordAdjustments> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(RecordAdjustments provider) {
        providers.add(provider);
    }

    void remove(RecordAdjustments provider) {
        providers.remove(provider);
    }

    RecordPage page(DataScope scope, String recordType, RecordPage page) {
        return new RecordPage(records(scope, recordType, page.records()), page.totalCount(), page.sums(),
                page.statuses());
    }

    RecordDetail detail(DataScope scope, String recordType, RecordDetail detail) {
        return new RecordDetail(records(scope, recordType, List.of(detail.record())).get(0), detail.lines(),
                detail.related());
    }

    private List<Record> records(DataScope scope, String recordType, List<Record> records) {
        List<Record> shown = records;
        for (RecordAdjustments provider : providers) {
            try {
                List<Record> adjusted = provider.adjust(scope, recordType, shown);
                if (adjusted.size() == shown.size()) {
                    shown = adjusted;
                } else {
                    LOG.warn("{} returned {} records for {}; the records show as synced", provider.getClass()
                            .getName(), adjusted.size(), shown.size());
                }
            } catch (RuntimeException e) {
                LOG.warn("Adjusting {} records failed; they show as synced", recordType, e);
            }
        }
        return shown;
    }
}
