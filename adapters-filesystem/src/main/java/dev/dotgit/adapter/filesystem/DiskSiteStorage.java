package dev.dotgit.adapter.filesystem;

import dev.dotgit.application.port.out.site.PublishedSite;
import dev.dotgit.application.port.out.site.SiteFile;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each site is a directory {@code <root>/<deploymentId>} holding only real directories and
 * regular files. It is assembled in a staging directory beside it and renamed into place, so
 * a reader never sees half a site. Staging and discarded directories carry a prefix that no
 * deployment id has ({@code .staging-…}, {@code .discarded-…}), so they can never be served,
 * whatever a crash leaves of them; the next publish or delete of that deployment removes them.
 */
public final class DiskSiteStorage implements SiteStoragePort {

    static final String STAGING_PREFIX = ".staging-";
    static final String DISCARDED_PREFIX = ".discarded-";
    private static final int MOVE_ATTEMPTS = 5;

    private final Path root;

    /** Creates {@code root} if needed; its real path is kept, so served paths contain no link. */
    public DiskSiteStorage(Path root) {
        try {
            this.root = Files.createDirectories(root).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the site directory " + root, e);
        }
    }

    @Override
    public PublishedSite publish(DeploymentId deployment, Path source) {
        Path staging = null;
        try {
            removeLeftovers(deployment);
            staging = Files.createDirectory(root.resolve(STAGING_PREFIX + deployment.value() + "-" + UUID.randomUUID()));
            PublishedSite published = SiteCopy.copy(source, staging);
            moveIntoPlace(deployment, staging);
            staging = null;
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not publish the site of " + deployment, e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /**
     * Renames the staged site onto its final name. A directory cannot be renamed over a
     * non-empty one, so an earlier publication is first moved aside: for that moment the
     * site is absent (the port allows "the old site or none"), never partial. Two publishes
     * of one deployment racing here (the pipeline never does that) each move aside whatever
     * holds the name and retry; the last rename wins, and one that loses every attempt fails.
     */
    private void moveIntoPlace(DeploymentId deployment, Path staging) throws IOException {
        Path site = siteOf(deployment);
        for (int attempt = 1; ; attempt++) {
            try {
                Files.move(staging, site, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException occupied) {
                if (attempt >= MOVE_ATTEMPTS || !Files.exists(site, LinkOption.NOFOLLOW_LINKS)) {
                    throw occupied;
                }
            }
            Path discarded = discardedName(deployment);
            try {
                Files.move(site, discarded, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException movedByAnother) {
                continue;
            }
            deleteQuietly(discarded);
        }
    }

    @Override
    public Optional<SiteFile> open(DeploymentId deployment, String requestPath) {
        Optional<List<List<String>>> candidates = RequestPath.candidates(requestPath);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (List<String> candidate : candidates.get()) {
                Optional<SiteFile> file = regularFile(siteOf(deployment), candidate);
                if (file.isPresent()) {
                    return file;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the site of " + deployment, e);
        }
    }

    /**
     * Walks down one name at a time without following links: every step must be a real
     * directory and the last a regular file. A link anywhere (which publish never writes) ends
     * the walk, so nothing outside the site can be reached, and a directory is never served.
     */
    private static Optional<SiteFile> regularFile(Path site, List<String> names) throws IOException {
        Path current = site;
        BasicFileAttributes attributes = attributesOf(current);
        for (String name : names) {
            if (attributes == null || !attributes.isDirectory()) {
                return Optional.empty();
            }
            current = current.resolve(name);
            attributes = attributesOf(current);
        }
        if (attributes == null || !attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new SiteFile(current, attributes.size(), names.get(names.size() - 1)));
    }

    private static BasicFileAttributes attributesOf(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    /**
     * The site disappears in one rename, so it answers 404 at once; the files are removed after.
     * A reader that already holds one of its paths may find the file gone when it opens it.
     */
    @Override
    public void delete(DeploymentId deployment) {
        try {
            Path discarded = discardedName(deployment);
            try {
                Files.move(siteOf(deployment), discarded, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException absent) {
                // Nothing published, or deleted already; leftovers of a crash may still be there.
            }
            removeLeftovers(deployment);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the site of " + deployment, e);
        }
    }

    /**
     * Staging and discarded directories of this deployment, left by a crash or a failed removal.
     * A publish of the same deployment running at this very moment would lose its staging
     * directory and fail with an I/O error; the pipeline never publishes one deployment twice
     * at once.
     */
    private void removeLeftovers(DeploymentId deployment) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(STAGING_PREFIX + deployment.value() + "-")
                    || name.startsWith(DISCARDED_PREFIX + deployment.value() + "-");
        })) {
            entries.forEach(leftovers::add);
        }
        for (Path leftover : leftovers) {
            FileTrees.delete(leftover);
        }
    }

    private Path siteOf(DeploymentId deployment) {
        return root.resolve(deployment.value());
    }

    private Path discardedName(DeploymentId deployment) {
        return root.resolve(DISCARDED_PREFIX + deployment.value() + "-" + UUID.randomUUID());
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileTrees.delete(directory);
        } catch (IOException ignored) {
            // Never served (its prefix is no deployment id); the deployment's next publish or delete retries.
        }
    }
}
