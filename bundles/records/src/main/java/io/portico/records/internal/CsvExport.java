package io.portico.records.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.records.Record;
import io.portico.api.records.RecordQuery;
import io.portico.api.records.RecordReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.ws.rs.core.StreamingOutput;

/**
 * A list as CSV (RFC 4180): the column labels as the header, every matching record streamed from the database as it
 * is read, UTF-8 with a byte-order mark so that Excel reads it as UTF-8. Values a field's value map names read as
 * their display values, as on the pages. Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
final class CsvExport {

    private CsvExport() {
    }

    /** @param valueMaps a column's value map (raw to display) by its key */
    static StreamingOutput of(RecordReader reader, DataScope scope, String recordType, List<FieldDescriptor> columns,
            RecordQuery query, Function<String, Map<String, String>> valueMaps) {
        List<Map<String, String>> maps = columns.stream().map(c -> valueMaps.apply(c.key())).toList();
        return out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            csv.write('\ufeff');
            row(csv, columns.stream().map(FieldDescriptor::label).toList());
            try {
                reader.forEach(scope, recordType, query, record -> {
                    try {
                        List<String> cells = new ArrayList<>(columns.size());
                        for (int i = 0; i < columns.size(); i++) {
                            cells.add(cell(record, columns.get(i), maps.get(i)));
                        }
                        row(csv, cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            csv.flush();
        };
    }

    private static String cell(Record record, FieldDescriptor column, Map<String, String> valueMap) {
        Object value = record.value(column.key());
        if (value == null) {
            return "";
        }
        if (value instanceof String raw && valueMap.containsKey(raw)) {
            return safe(valueMap.get(raw));
        }
        if (value instanceof Collection<?> list) {
            return safe(list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (value instanceof Instant || column.type() == FieldType.MONEY || column.type() == FieldType.NUMBER
                || column.type() == FieldType.DATE) {
            return value.toString();
        }
        return safe(value.toString());
    }

    private static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static void row(Writer csv, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                csv.write('"');
                csv.write(cell.replace("\"", "\"\""));
                csv.write('"');
            } else {
                csv.write(cell);
            }
        }
        csv.write("\r\n");
    }
}
