package org.lumbung.loans.preview;

/**
 * A query parameter of the preview that cannot be used: answered as a 400 problem naming the parameter, with the
 * message key and arguments of the refusal.
 */
final class PreviewParameterException extends RuntimeException {

    private final String parameter;
    private final String messageKey;
    private final transient Object[] arguments;

    PreviewParameterException(String parameter, String messageKey, Object... arguments) {
        super(messageKey + " " + parameter);
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    String parameter() {
        return parameter;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
