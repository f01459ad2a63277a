package dev.dotgit.application.port.in.hosting;

import java.util.Objects;

/**
 * A request for a hosted site: the {@code Host} it was sent to and the path asked for.
 */
public record SiteRequest(String host, String path) {

    public SiteRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }
}
