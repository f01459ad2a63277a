package dev.dotgit.application.port.out.site;

/** What was published: how many files and bytes. */
public record PublishedSite(long files, long bytes) {
}
