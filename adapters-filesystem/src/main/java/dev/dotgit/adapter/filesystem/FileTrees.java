package dev.dotgit.adapter.filesystem;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Removal of directory trees written by builds: links are removed, never followed. */
final class FileTrees {

    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private FileTrees() {
    }

    /**
     * Deletes {@code start} and everything below it; absent is fine. Directories a build made
     * read-only (Go's module cache does, under {@code $HOME}) are made writable for their owner
     * first, since a build may leave its workspace in any state.
     */
    static void delete(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                grantOwnerAccess(directory);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                if (failure instanceof AccessDeniedException
                        && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    // Unreadable, so it could not be opened: open it up and remove it on its own.
                    grantOwnerAccess(file);
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void grantOwnerAccess(Path directory) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
        if (!permissions.containsAll(OWNER_ALL)) {
            Set<PosixFilePermission> granted = EnumSet.copyOf(OWNER_ALL);
            granted.addAll(permissions);
            Files.setPosixFilePermissions(directory, granted);
        }
    }
}
