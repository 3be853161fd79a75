package io.portico.netsuite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteQlPageReaderTest {

    private static final AccountFormat FORMAT = AccountFormat.of("M/d/yyyy", ZoneOffset.UTC);
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    private final List<SuiteQlRow> rows = new ArrayList<>();

    @Test
    void rowsAreStreamedAndPageFactsKept() throws IOException {
        String page = "{\"links\":[{\"rel\":\"next\",\"href\":\"...\"}],\"count\":2,\"hasMore\":true,"
                + "\"items\":[{\"links\":[],\"id\":\"309\",\"companyname\":\"Cool co\",\"memo\":null,"
                + "\"balance\":0},{\"links\":[],\"id\":\"310\",\"isinactive\":\"F\"}],"
                + "\"offset\":4,\"totalResults\":7}";
        SuiteQlPage facts = read(page);

        assertEquals(new SuiteQlPage(2, 4, true, 7), facts);
        assertEquals(2, rows.size());
        assertEquals(List.of("id", "companyname", "balance"), List.copyOf(rows.get(0).columns()));
        assertFalse(rows.get(0).has("memo"), "a JSON null counts as an omitted column");
        assertEquals("0", rows.get(0).getString("balance"));
        assertEquals(Boolean.FALSE, rows.get(1).getBoolean("isinactive"));
    }

    @Test
    void eachRowIsHandledBeforeTheNextIsRead() throws IOException {
        String firstRow = "{\"count\":2,\"items\":[{\"id\":\"1\"},";
        InputStream rest = new InputStream() {
            private final InputStream tail = stream("{\"id\":\"2\"}],\"hasMore\":false}");

            @Override
            public int read() throws IOException {
                assertEquals(1, rows.size(), "row 1 reached the handler before row 2 was read");
                return tail.read();
            }
        };
        SuiteQlPageReader reader = reader();
        reader.read(200, NO_HEADERS, new SequenceInputStream(stream(firstRow), rest));
        assertEquals(2, rows.size());
    }

    @Test
    void anAnswerThatBreaksBeforeAnyRowMayBeRetried() {
        assertThrows(IOException.class, () -> read("{\"count\":2,\"items\":[{\"id\":"));
    }

    @Test
    void anAnswerThatBreaksAfterRowsWereHandledIsNotRetried() {
        NetSuiteException e = assertThrows(NetSuiteException.class,
                () -> read("{\"count\":2,\"items\":[{\"id\":\"1\"},{\"id\":"));
        assertTrue(e.getMessage().contains("broke off after 1 rows"), e.getMessage());
        assertEquals(1, rows.size());
    }

    private SuiteQlPage read(String json) throws IOException {
        return reader().read(200, NO_HEADERS, stream(json));
    }

    private SuiteQlPageReader reader() {
        return new SuiteQlPageReader(new JsonFactory(), FORMAT, rows::add, "POST /services/rest/query/v1/suiteql");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
