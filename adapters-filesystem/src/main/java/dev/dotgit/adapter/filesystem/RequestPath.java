package dev.dotgit.adapter.filesystem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site request path (already URL-decoded, so possibly hostile) reduced to the relative
 * names of the files it may be served by, in order of preference. Anything that could name
 * a file outside the site is refused here, before the disk is asked: {@code .} and
 * {@code ..} segments, backslashes, NUL, names longer than a file system allows.
 */
final class RequestPath {

    static final int MAX_LENGTH = 2048;
    private static final int MAX_NAME_BYTES = 255;
    private static final String INDEX = "index.html";

    private RequestPath() {
    }

    /**
     * {@code /} and {@code /dir/} name {@code index.html} files; {@code /name} names the file
     * {@code name}, else {@code name/index.html}, else {@code name.html} (pretty URLs). Empty
     * segments ({@code //}) are ignored. Each candidate is a list of path segments.
     */
    static Optional<List<List<String>>> candidates(String requestPath) {
        if (requestPath == null || requestPath.length() > MAX_LENGTH || !requestPath.startsWith("/")
                || requestPath.indexOf('\0') >= 0 || requestPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : requestPath.split("/")) {
            if (segment.equals(".") || segment.equals("..")
                    || segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return Optional.empty();
            }
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            return Optional.of(List.of(List.of(INDEX)));
        }
        if (requestPath.endsWith("/")) {
            return Optional.of(List.of(append(segments, INDEX)));
        }
        List<String> withHtml = new ArrayList<>(segments);
        String last = withHtml.remove(withHtml.size() - 1) + ".html";
        if (last.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of(List.of(List.copyOf(segments), append(segments, INDEX)));
        }
        return Optional.of(List.of(List.copyOf(segments), append(segments, INDEX), append(withHtml, last)));
    }

    private static List<String> append(List<String> segments, String name) {
        List<String> all = new ArrayList<>(segments);
        all.add(name);
        return List.copyOf(all);
    }
}
