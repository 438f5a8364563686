package org.lumbung.fx;

import java.util.List;

/**
 * A rate sheet read and checked: its rows, every bad row with its column and reason, and — once the rows are all
 * good — what recording them does or would do, rate by rate (RECORDED, PENDING, UNCHANGED). {@code imported} tells a
 * dry run (false: nothing written) from the import.
 */
public record RateSheet(int rows, List<RowError> errors, List<RecordedRate> outcomes, boolean imported) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** A bad row: its line number in the file (the header is line 1), the column, and the reason as a message key. */
    public record RowError(int row, String column, String messageKey, List<Object> arguments) {
    }
}
