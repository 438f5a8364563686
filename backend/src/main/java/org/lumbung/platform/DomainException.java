package org.lumbung.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

import java.util.Arrays;

/**
 * A refusal that a person can act on: bad input, a rule of the cooperative, a missing record or a
 * conflict. It carries a message key of the {@code i18n/<feature>/errors} bundle and its arguments, so the UI and
 * the API translate it into the reader's language. Nothing was changed when one is thrown.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal; the API maps it to an HTTP status. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final String messageKey;
    private final transient @Nullable Object[] arguments;

    public DomainException(Kind kind, String messageKey, @Nullable Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public static DomainException invalid(String messageKey, @Nullable Object... arguments) {
        return new DomainException(Kind.INVALID, messageKey, arguments);
    }

    public static DomainException notFound(String messageKey, @Nullable Object... arguments) {
        return new DomainException(Kind.NOT_FOUND, messageKey, arguments);
    }

    public static DomainException conflict(String messageKey, @Nullable Object... arguments) {
        return new DomainException(Kind.CONFLICT, messageKey, arguments);
    }

    public static DomainException forbidden(String messageKey, @Nullable Object... arguments) {
        return new DomainException(Kind.FORBIDDEN, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public @Nullable Object[] arguments() {
        return arguments.clone();
    }

    /** Asserts an invariant at the edge where data enters; refuses with the given message otherwise. */
    @Contract("false, _, _ -> fail") // NullAway: after require(x != null, …) x is not null
    public static void require(boolean condition, String messageKey, @Nullable Object... arguments) {
        if (!condition) {
            throw invalid(messageKey, arguments);
        }
    }
}
