package dev.dotgit.adapter.filesystem;

import dev.dotgit.application.port.out.site.PublishedSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Copies a build's output into a new site directory. The site gets only real directories and
 * regular files: a link is replaced by a copy of the file it names if that file lies inside
 * the output, and left out otherwise (links out of the output, to directories, dangling);
 * pipes, sockets and devices are left out too, so no copy ever blocks on one.
 */
final class SiteCopy extends SimpleFileVisitor<Path> {

    private final Path source;
    private final Path destination;
    private long files;
    private long bytes;

    private SiteCopy(Path source, Path destination) {
        this.source = source;
        this.destination = destination;
    }

    /** Copies the tree under {@code source} into {@code destination}, an existing empty directory. */
    static PublishedSite copy(Path source, Path destination) throws IOException {
        SiteCopy copy = new SiteCopy(source.toRealPath(), destination);
        Files.walkFileTree(copy.source, copy);
        return new PublishedSite(copy.files, copy.bytes);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
        if (!directory.equals(source)) {
            Files.createDirectory(destinationOf(directory));
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isRegularFile()) {
            copyFile(file, destinationOf(file));
        } else if (attributes.isSymbolicLink()) {
            Optional<Path> linked = fileInsideSource(file);
            if (linked.isPresent()) {
                copyFile(linked.get(), destinationOf(file));
            }
        }
        return FileVisitResult.CONTINUE;
    }

    private Optional<Path> fileInsideSource(Path link) throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException danglingOrLooping) {
            return Optional.empty();
        }
        return target.startsWith(source) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(target) : Optional.empty();
    }

    private void copyFile(Path from, Path to) throws IOException {
        // NOFOLLOW_LINKS: a file swapped for a link after it was looked at is refused, not followed.
        try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
             OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            bytes += in.transferTo(out);
        }
        files++;
    }

    private Path destinationOf(Path path) {
        return destination.resolve(source.relativize(path).toString());
    }
}
