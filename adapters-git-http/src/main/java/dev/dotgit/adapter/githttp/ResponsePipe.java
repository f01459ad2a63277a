package dev.dotgit.adapter.githttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Carries what the git protocol writes (on one thread) to the HTTP response (read on another),
 * in bounded chunks, so a clone of a large repository streams instead of being held in memory.
 *
 * <p>Why not {@code PipedInputStream}: it fails when the thread that last read has ended, and
 * the server reads a response from whichever pool thread is free. Here the writer waits at
 * most {@link #WRITE_TIMEOUT_MINUTES} for a reader that stopped reading (a client that went
 * away), then fails, so a protocol thread is never held for ever.
 */
final class ResponsePipe {

    static final int CHUNK_SIZE = 64 * 1024;
    static final int QUEUED_CHUNKS = 16;
    static final long WRITE_TIMEOUT_MINUTES = 5;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final CompletableFuture<Void> firstOutput = new CompletableFuture<>();
    private final Output output = new Output();
    private final Input input = new Input();
    private volatile boolean readerClosed;

    OutputStream output() {
        return output;
    }

    InputStream input() {
        return input;
    }

    /** Completes when the protocol has written (and flushed) its first bytes, or finished. */
    CompletableFuture<Void> firstOutput() {
        return firstOutput;
    }

    boolean hasOutput() {
        return output.sentAny;
    }

    /** Ends the stream with an error the reader sees instead of a clean end (a truncated response). */
    void fail(Throwable failure) {
        firstOutput.complete(null);
        try {
            enqueue(failure instanceof IOException io ? io : new IOException("git protocol failed", failure));
        } catch (IOException ignored) {
            // The reader is gone already: nobody is left to tell.
        }
    }

    private void enqueue(Object item) throws IOException {
        if (readerClosed) {
            throw new IOException("the client stopped reading the response");
        }
        try {
            if (!chunks.offer(item, WRITE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("the client did not read the response for " + WRITE_TIMEOUT_MINUTES
                        + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the response");
        }
    }

    private final class Output extends OutputStream {
        private byte[] buffer = new byte[CHUNK_SIZE];
        private int count;
        private boolean closed;
        private volatile boolean sentAny;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            while (length > 0) {
                int n = Math.min(length, buffer.length - count);
                System.arraycopy(bytes, offset, buffer, count, n);
                count += n;
                offset += n;
                length -= n;
                if (count == buffer.length) {
                    send();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (count > 0) {
                send();
            }
        }

        private void send() throws IOException {
            enqueue(Arrays.copyOf(buffer, count));
            count = 0;
            sentAny = true;
            firstOutput.complete(null);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            flush();
            closed = true;
            firstOutput.complete(null);
            enqueue(END);
        }
    }

    private final class Input extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                Object next;
                try {
                    next = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the response");
                }
                if (next instanceof IOException failure) {
                    ended = true;
                    throw new IOException("the git response broke off: " + failure.getMessage(), failure);
                }
                current = (byte[]) next;
                position = 0;
                if (current == END) {
                    ended = true;
                    return -1;
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            chunks.clear();
        }
    }
}
