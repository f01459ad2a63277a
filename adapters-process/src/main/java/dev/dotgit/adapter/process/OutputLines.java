package dev.dotgit.adapter.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads one output stream of a build and hands it on line by line, as soon as each line is
 * complete. Bytes are decoded as UTF-8 and invalid sequences become U+FFFD, so any output
 * survives. A line longer than {@link #MAX_LINE_LENGTH} characters is handed on in pieces of
 * that length (a build printing megabytes without a newline must not exhaust memory); a
 * last line without a newline is handed on at the end; {@code \r\n} ends a line like
 * {@code \n}.
 */
final class OutputLines implements Runnable {

    static final int MAX_LINE_LENGTH = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(OutputLines.class.getName());

    private final InputStream stream;
    private final Consumer<String> lines;
    private final StringBuilder line = new StringBuilder();
    private boolean deliveryFailed;

    OutputLines(InputStream stream, Consumer<String> lines) {
        this.stream = stream;
        this.lines = lines;
    }

    /** Starts reading on a daemon thread of its own, so a stuck stream can never hold up the server's exit. */
    static Thread start(InputStream stream, Consumer<String> lines, String threadName) {
        Thread thread = new Thread(new OutputLines(stream, lines), threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) != -1) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        append(buffer, start, i);
                        deliver(withoutCarriageReturn(line));
                        line.setLength(0);
                        start = i + 1;
                    }
                }
                append(buffer, start, read);
            }
        } catch (IOException closed) {
            // The stream was closed under the reader; what was read before has been handed on.
        }
        if (line.length() > 0) {
            deliver(withoutCarriageReturn(line));
        }
    }

    private void append(char[] chars, int from, int to) {
        int next = from;
        while (next < to) {
            if (line.length() >= MAX_LINE_LENGTH) {
                deliverPiece();
            }
            int count = Math.min(MAX_LINE_LENGTH - line.length(), to - next);
            line.append(chars, next, count);
            next += count;
        }
    }

    private void deliverPiece() {
        int cut = MAX_LINE_LENGTH;
        if (Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--; // never split a character in two
        }
        deliver(line.substring(0, cut));
        line.delete(0, cut);
    }

    private static String withoutCarriageReturn(StringBuilder text) {
        int end = text.length();
        return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
    }

    /**
     * A receiver that fails (its log store is down, say) must not stop the reading: a build
     * whose output is not read blocks once the pipe is full. Its lines are lost instead.
     */
    private void deliver(String text) {
        try {
            lines.accept(text);
        } catch (RuntimeException e) {
            if (!deliveryFailed) {
                deliveryFailed = true;
                LOG.log(Level.WARNING, "build output could not be delivered; reading on", e);
            }
        }
    }
}
