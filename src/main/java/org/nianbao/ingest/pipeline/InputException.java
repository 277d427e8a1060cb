package org.nianbao.ingest.pipeline;

/** The input cannot be read at all; the message is the reason a person sees. */
public class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
