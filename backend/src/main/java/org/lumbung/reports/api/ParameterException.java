package org.lumbung.reports.api;

/** A query parameter that cannot be used: a 400 problem naming the parameter. */
class ParameterException extends RuntimeException {

    private final String parameter;
    private final String messageKey;
    private final transient Object[] arguments;

    ParameterException(String parameter, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String parameter() {
        return parameter;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
