package dev.dotgit.application.port.out.site;

import java.nio.file.Path;
import java.util.Objects;

/** A file of a published site, ready to be sent. */
public record SiteFile(Path path, long size, String fileName) {

    public SiteFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
    }
}
