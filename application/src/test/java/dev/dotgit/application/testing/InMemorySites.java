package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.site.PublishedSite;
import dev.dotgit.application.port.out.site.SiteFile;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which files each deployment published (their relative paths and sizes), without
 * copying them. It chooses files and resolves request paths by the same rules as the disk
 * adapter, so hosting can be tested without a disk; what it cannot do is serve the bytes.
 */
public final class InMemorySites implements SiteStoragePort {

    private final Map<DeploymentId, Map<String, Long>> sites = new ConcurrentHashMap<>();

    @Override
    public PublishedSite publish(DeploymentId deployment, Path source) {
        try {
            Path base = source.toRealPath();
            Map<String, Long> files = new HashMap<>();
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String relative = base.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile()) {
                        files.put(relative, attributes.size());
                    } else if (attributes.isSymbolicLink()) {
                        linkedFileSize(base, file).ifPresent(size -> files.put(relative, size));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            sites.put(deployment, Map.copyOf(files));
            return new PublishedSite(files.size(), files.values().stream().mapToLong(Long::longValue).sum());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> linkedFileSize(Path base, Path link) throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException dangling) {
            return Optional.empty();
        }
        return target.startsWith(base) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(Files.size(target)) : Optional.empty();
    }

    @Override
    public Optional<SiteFile> open(DeploymentId deployment, String requestPath) {
        Map<String, Long> files = sites.get(deployment);
        if (files == null || !requestPath.startsWith("/") || requestPath.indexOf('\0') >= 0
                || requestPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : requestPath.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        String joined = String.join("/", segments);
        List<String> candidates = segments.isEmpty() ? List.of("index.html")
                : requestPath.endsWith("/") ? List.of(joined + "/index.html")
                : List.of(joined, joined + "/index.html", joined + ".html");
        for (String candidate : candidates) {
            Long size = files.get(candidate);
            if (size != null) {
                return Optional.of(new SiteFile(Path.of(candidate), size,
                        candidate.substring(candidate.lastIndexOf('/') + 1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void delete(DeploymentId deployment) {
        sites.remove(deployment);
    }

    public Optional<Set<String>> filesOf(DeploymentId deployment) {
        return Optional.ofNullable(sites.get(deployment)).map(Map::keySet);
    }
}
