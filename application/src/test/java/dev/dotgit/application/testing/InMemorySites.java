package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.site.PublishedSite;
import dev.dotgit.application.port.out.site.SiteFile;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Remembers which files each deployment published (their relative paths), without copying them. */
public final class InMemorySites implements SiteStoragePort {

    private final Map<DeploymentId, Set<String>> sites = new ConcurrentHashMap<>();

    @Override
    public PublishedSite publish(DeploymentId deployment, Path source) {
        try (Stream<Path> files = Files.walk(source)) {
            Set<String> paths = files.filter(Files::isRegularFile)
                    .map(p -> source.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
            sites.put(deployment, paths);
            return new PublishedSite(paths.size(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<SiteFile> open(DeploymentId deployment, String requestPath) {
        Set<String> files = sites.get(deployment);
        if (files == null) {
            return Optional.empty();
        }
        String wanted = requestPath.replaceFirst("^/+", "");
        if (wanted.isEmpty() || wanted.endsWith("/")) {
            wanted = wanted + "index.html";
        }
        String name = wanted;
        return files.contains(name) ? Optional.of(new SiteFile(Path.of(name), 0, name)) : Optional.empty();
    }

    @Override
    public void delete(DeploymentId deployment) {
        sites.remove(deployment);
    }

    public Optional<Set<String>> filesOf(DeploymentId deployment) {
        return Optional.ofNullable(sites.get(deployment));
    }
}
