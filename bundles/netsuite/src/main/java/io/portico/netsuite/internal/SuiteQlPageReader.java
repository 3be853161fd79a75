package io.portico.netsuite.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.internal.http.ResponseReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams a SuiteQL answer ({@code {"links", "count", "hasMore", "items": [...], "offset", "totalResults"}}) with
 * Jackson's parser: each item becomes a {@link SuiteQlRow} and goes to the handler before the next is read, so no
 * page is held in memory. Nested values (an item's {@code links}) are skipped and JSON nulls count as omitted.
 */
final class SuiteQlPageReader implements ResponseReader<SuiteQlPage> {

    private final JsonFactory factory;
    private final AccountFormat format;
    private final Consumer<SuiteQlRow> rows;
    private final String request;
    private int delivered;

    SuiteQlPageReader(JsonFactory factory, AccountFormat format, Consumer<SuiteQlRow> rows, String request) {
        this.factory = factory;
        this.format = format;
        this.rows = rows;
        this.request = request;
    }

    @Override
    public SuiteQlPage read(int status, HttpHeaders headers, InputStream body) throws IOException {
        try (JsonParser parser = factory.createParser(body)) {
            return readPage(parser);
        } catch (IOException e) {
            if (delivered == 0) {
                throw e;
            }
            // Rows went to the handler already: sending the query again would pass them on twice.
            throw new NetSuiteException(request, status, null, "the answer broke off after " + delivered + " rows",
                    null, e);
        }
    }

    private SuiteQlPage readPage(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a SuiteQL answer must be a JSON object");
        }
        int count = -1;
        int offset = 0;
        int totalResults = -1;
        boolean hasMore = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "items" -> readItems(parser);
                case "count" -> count = parser.getValueAsInt(-1);
                case "offset" -> offset = parser.getValueAsInt(0);
                case "totalResults" -> totalResults = parser.getValueAsInt(-1);
                case "hasMore" -> hasMore = parser.getValueAsBoolean();
                default -> parser.skipChildren();
            }
        }
        return new SuiteQlPage(count < 0 ? delivered : count, offset, hasMore, totalResults);
    }

    private void readItems(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> values = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String column = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    values.put(column, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            rows.accept(new SuiteQlRow(values, format));
            delivered++;
        }
    }
}
