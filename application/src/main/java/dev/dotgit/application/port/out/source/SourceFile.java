package dev.dotgit.application.port.out.source;

import java.util.Objects;

/** A file to commit: a path relative to the repository root and its content. */
public record SourceFile(String path, byte[] content) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
