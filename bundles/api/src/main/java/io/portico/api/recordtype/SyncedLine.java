package io.portico.api.recordtype;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a {@link SyncedRecord}, in one of its line lists: what the portal shows in a document's line table in
 * typed fields, the rest as JSON attributes. Amounts are in the header's currency, with the signs a customer expects
 * (an invoice line of 3 at 10.00 is quantity 3, amount 30.00, whatever sign NetSuite's ledger uses). Instances are
 * immutable.
 */
public final class SyncedLine {

    private final long lineId;
    private final String item;
    private final String description;
    private final BigDecimal quantity;
    private final BigDecimal rate;
    private final BigDecimal amount;
    private final Map<String, Object> attributes;

    private SyncedLine(Builder b) {
        lineId = b.lineId;
        item = Values.text("item", b.item, SyncedRecord.MAX_NAME_CHARS);
        description = Values.text("description", b.description, SyncedRecord.MAX_ATTRIBUTE_CHARS);
        quantity = Values.number("quantity", b.quantity);
        rate = Values.number("rate", b.rate);
        amount = Values.number("amount", b.amount);
        attributes = SyncedRecord.attributes(b.attributes);
    }

    /** @param lineId the line's id, unique within its line list (NetSuite's line id, or the id of what it links) */
    public static Builder builder(long lineId) {
        return new Builder(lineId);
    }

    public long lineId() {
        return lineId;
    }

    /** The item's name, e.g. {@code SVC-TRAIN}. */
    public String item() {
        return item;
    }

    public String description() {
        return description;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal rate() {
        return rate;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "SyncedLine[" + lineId + " " + item + " " + quantity + " x " + rate + " = " + amount + "]";
    }

    public static final class Builder {
        private final long lineId;
        private String item;
        private String description;
        private BigDecimal quantity;
        private BigDecimal rate;
        private BigDecimal amount;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(long lineId) {
            this.lineId = lineId;
        }

        public Builder item(String item) {
            this.item = item;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder quantity(BigDecimal quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder rate(BigDecimal rate) {
            this.rate = rate;
            return this;
        }

        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        public Builder attribute(String key, Object value) {
            attributes.put(Values.key(key), value);
            return this;
        }

        /** @throws RecordMappingException when a value breaks the limits of {@link SyncedRecord} */
        public SyncedLine build() {
            return new SyncedLine(this);
        }
    }
}
