package io.portico.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginKind;
import io.portico.api.plugin.PluginState;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedServicesTest {

    private final NamedServices services = new NamedServices(PluginKind.RECORD_TYPE);

    @Test
    void higherRankingWinsAndTheLoserTakesOverWhenTheWinnerLeaves() {
        services.add(entry("invoice", 0, 10, "first"));
        services.add(entry("invoice", 5, 11, "override"));

        assertEquals("override", services.active("invoice").orElseThrow().service());
        assertEquals(List.of(PluginState.ACTIVE, PluginState.SHADOWED), states());

        services.remove(11);
        assertEquals("first", services.active("invoice").orElseThrow().service());
    }

    @Test
    void equalRankingKeepsTheFirstRegistered() {
        services.add(entry("invoice", 0, 20, "first"));
        services.add(entry("invoice", 0, 21, "second"));

        assertEquals("first", services.active("invoice").orElseThrow().service());
    }

    @Test
    void invalidOrMissingNamesAreRefusedAndNeverServed() {
        services.add(entry("Bad Name!", 0, 30, "x"));
        services.add(entry(null, 0, 31, "y"));

        assertTrue(services.activeNames().isEmpty());
        List<PluginInfo> infos = services.infos();
        assertEquals(2, infos.size());
        assertTrue(infos.stream().allMatch(i -> i.state() == PluginState.REFUSED && !i.detail().isEmpty()));
    }

    @Test
    void removingTheLastServiceLeavesNothingBehind() {
        services.add(entry("invoice", 0, 40, "x"));
        services.remove(40);

        assertTrue(services.active("invoice").isEmpty());
        assertTrue(services.infos().isEmpty());
    }

    private List<PluginState> states() {
        return services.infos().stream().map(PluginInfo::state).toList();
    }

    private static PluginEntry entry(String name, int ranking, long id, Object service) {
        return new PluginEntry(name, ranking, id, 7, "test.bundle", "1.0.0", service);
    }
}
