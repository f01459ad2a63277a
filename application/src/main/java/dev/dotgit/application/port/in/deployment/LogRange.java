package dev.dotgit.application.port.in.deployment;

/** Which lines of a log to read: by position (with a total), or everything after a sequence number. */
public sealed interface LogRange permits LogRange.Offset, LogRange.AfterSeq {

    int MAX_LIMIT = 5000;

    int limit();

    static LogRange offset(long offset, int limit) {
        return new Offset(offset, limit);
    }

    static LogRange after(long seq, int limit) {
        return new AfterSeq(seq, limit);
    }

    record Offset(long offset, int limit) implements LogRange {
        public Offset {
            if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("log range out of bounds");
            }
        }
    }

    /** Lines with {@code seq > afterSeq}, in order (resuming a stream or paging forward). */
    record AfterSeq(long afterSeq, int limit) implements LogRange {
        public AfterSeq {
            if (afterSeq < 0 || limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("log range out of bounds");
            }
        }
    }
}
