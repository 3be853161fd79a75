package io.portico.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Converts JSON body values to typed field values, rejecting what NetSuite rejects with its error codes. */
final class BodyParser {

  private final Store store;

  BodyParser(Store store) {
    this.store = store;
  }

  Object parse(RecordType type, RecordSchema.Field field, JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    return switch (field.kind()) {
      case STRING -> text(node, path);
      case NUMBER -> decimal(node, path);
      case BOOLEAN -> bool(node, path);
      case DATE -> date(node, path);
      case DATETIME -> dateTime(node, path);
      case REFERENCE -> reference(field.target(), node, path);
      case STATUS -> status(type, node, path);
      case CHOICE -> choice(node, path);
    };
  }

  String text(JsonNode node, String path) {
    if (node.isContainerNode()) {
      throw invalidValue(node, path);
    }
    return node.asText();
  }

  BigDecimal decimal(JsonNode node, String path) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().trim());
      } catch (NumberFormatException e) {
        throw invalidValue(node, path);
      }
    }
    throw invalidValue(node, path);
  }

  boolean bool(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String t = node.asText();
    if (t.equalsIgnoreCase("true") || t.equals("T")) {
      return true;
    }
    if (t.equalsIgnoreCase("false") || t.equals("F")) {
      return false;
    }
    throw invalidValue(node, path);
  }

  /** Date fields take {@code 2026-01-15}; a full date-time is cut to its date as NetSuite does. */
  LocalDate date(JsonNode node, String path) {
    String t = text(node, path);
    try {
      return t.length() > 10 ? OffsetDateTime.parse(t).toLocalDate() : LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw invalidValue(node, path);
    }
  }

  Instant dateTime(JsonNode node, String path) {
    String t = text(node, path);
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw invalidValue(node, path);
    }
  }

  /** A reference is written as {@code {"id":"123"}} (a bare id is accepted too); the target must exist. */
  Ref reference(String target, JsonNode node, String path) {
    JsonNode idNode = node.isObject() ? node.get("id") : node;
    if (idNode == null || idNode.isNull() || idNode.isContainerNode()) {
      throw NetSuiteException.invalidContent(
          "Invalid value for the resource or sub-resource field '" + leaf(path) + "'. Provide a valid value.", path);
    }
    long id;
    try {
      id = Long.parseLong(idNode.asText().trim());
    } catch (NumberFormatException e) {
      throw invalidFieldValue(idNode.asText(), path);
    }
    Ref ref = new Ref(target, id);
    if (!referenceExists(ref)) {
      throw invalidFieldValue(idNode.asText(), path);
    }
    return ref;
  }

  private boolean referenceExists(Ref ref) {
    return switch (ref.target()) {
      case "accountingperiod" -> ref.id() > 0;
      case "serviceitem", "inventoryitem", "noninventorysaleitem", "item" -> Catalog.item(ref.id()).isPresent();
      default -> RecordType.fromRestName(ref.target()).map(t -> store.exists(t, ref.id()))
          .orElseGet(() -> store.refName(ref) != null);
    };
  }

  private TransactionStatus status(RecordType type, JsonNode node, String path) {
    String value = text(node.isObject() && node.has("id") ? node.get("id") : node, path);
    return TransactionStatus.find(type, value).orElseThrow(() -> invalidFieldValue(value, path));
  }

  private Choice choice(JsonNode node, String path) {
    String value = text(node.isObject() && node.has("id") ? node.get("id") : node, path);
    return Choice.of(value);
  }

  static NetSuiteException invalidFieldValue(String value, String path) {
    return NetSuiteException.invalidContent("Error while accessing a resource. You have entered an Invalid Field Value "
        + value + " for the following field: " + leaf(path), path);
  }

  private static NetSuiteException invalidValue(JsonNode node, String path) {
    return NetSuiteException.invalidContent("Invalid value '" + node + "' for the field '" + leaf(path)
        + "'. Provide a value of the type the field expects.", path);
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
