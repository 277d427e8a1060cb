package org.nianbao.ingest.model;

/**
 * How a document ended. {@code DONE}: everything was read. {@code PARTIAL}: output was written but
 * something could not be read or placed (the reason says what). {@code FAILED}: nothing usable.
 */
public record Status(State state, String reason) {
    public enum State { DONE, PARTIAL, FAILED }

    public static Status done() { return new Status(State.DONE, null); }

    public static Status partial(String reason) { return new Status(State.PARTIAL, reason); }

    public static Status failed(String reason) { return new Status(State.FAILED, reason); }
}
