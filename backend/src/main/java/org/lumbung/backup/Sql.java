package org.lumbung.backup;

import java.util.List;
import java.util.stream.Collectors;

/** Identifiers read from the catalog, quoted for the COPY statements they go into. */
final class Sql {

    private Sql() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columns(List<String> columns) {
        return columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
    }
}
