package io.portico.sandbox.suiteql;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The query's tables in FROM/JOIN order (row slot i holds a row of source i) and, for every column reference in the
 * query, the source and column it resolves to. Unknown or ambiguous names fail here, before any row is read, with
 * NetSuite's "Unknown identifier" wording.
 */
final class Binding {

  record Source(String alias, Table table) {
  }

  record Resolved(int source, Column column) {
  }

  private final List<Source> sources = new ArrayList<>();
  private final Map<Ast.Column, Resolved> columns = new IdentityHashMap<>();

  Binding(Ast.Select select, SuiteQlTables tables) {
    add(select.from(), tables);
    for (Ast.Join join : select.joins()) {
      add(join.table(), tables);
    }
  }

  private void add(Ast.TableRef ref, SuiteQlTables tables) {
    Table table = tables.table(ref.name()).orElseThrow(() -> SuiteQlException.unknownTable(ref.name()));
    for (Source s : sources) {
      if (s.alias().equals(ref.alias())) {
        throw SuiteQlException.invalid("The alias '" + ref.alias() + "' is used twice.");
      }
    }
    sources.add(new Source(ref.alias(), table));
  }

  List<Source> sources() {
    return sources;
  }

  int sourceIndex(String alias) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).alias().equals(alias)) {
        return i;
      }
    }
    return -1;
  }

  /** Resolves a column reference, visible only to sources up to {@code maxSource} (joins see earlier tables). */
  Resolved resolve(Ast.Column ref, int maxSource) {
    Resolved cached = columns.get(ref);
    if (cached != null) {
      return cached;
    }
    Resolved found = null;
    for (int i = 0; i <= maxSource && i < sources.size(); i++) {
      Source s = sources.get(i);
      if (ref.qualifier() != null && !ref.qualifier().equals(s.alias())) {
        continue;
      }
      Column c = s.table().column(ref.name());
      if (c != null) {
        if (found != null) {
          throw SuiteQlException.invalid("The column name '" + ref.name() + "' is ambiguous; qualify it with a"
              + " table alias.");
        }
        found = new Resolved(i, c);
      }
    }
    if (found == null) {
      throw SuiteQlException.unknownIdentifier(ref.text(), available());
    }
    columns.put(ref, found);
    return found;
  }

  Resolved resolved(Ast.Column ref) {
    Resolved r = columns.get(ref);
    if (r == null) {
      throw new IllegalStateException("unbound column " + ref.text());
    }
    return r;
  }

  private String available() {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (Source s : sources) {
      j.add(s.alias() + "=" + s.table().name());
    }
    return j.toString();
  }
}
