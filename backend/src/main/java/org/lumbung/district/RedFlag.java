package org.lumbung.district;

import java.util.List;

/**
 * A warning on a cooperative in the district console: a message key of the translations and its arguments (e.g.
 * "PAR30 above 5 %"), from a {@link RedFlagSource} or the console's own portfolio flags.
 */
public record RedFlag(String messageKey, List<Object> arguments) {

    public RedFlag {
        arguments = List.copyOf(arguments);
    }

    public static RedFlag of(String messageKey, Object... arguments) {
        return new RedFlag(messageKey, List.of(arguments));
    }
}
