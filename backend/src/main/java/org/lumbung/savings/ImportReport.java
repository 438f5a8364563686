package org.lumbung.savings;

import java.util.List;

/**
 * The result of checking (dry run) or importing a members file: rows read, and every bad row with the
 * column and the reason (a message key of the errors bundle with its arguments). A file with any bad
 * row imports nothing.
 */
public record ImportReport(int rows, List<RowError> errors, boolean imported, int membersImported) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** One reason a row cannot be imported; {@code row} counts from 1 for the first data row after the header. */
    public record RowError(int row, String column, String messageKey, List<Object> arguments) {
    }
}
