package dev.dotgit.adapter.git;

import dev.dotgit.application.port.out.source.SourceRepositoryException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the tree of one commit into an empty directory, the way {@code git archive | tar x}
 * would: file contents with their executable bit, symbolic links as links, submodules left out.
 *
 * <p>Repositories receive pushes, so a tree is treated as hostile: a path that could land
 * outside the target ({@code ..}, an absolute or empty name, {@code .git}) fails the checkout
 * before anything is written under it, and no write ever goes through a link, not even one
 * the same tree just created (a tree that lists {@code a} as a link and also {@code a/b} as a
 * file would otherwise write through the link).
 */
final class TreeExport {

    /** Longer than any path the kernel accepts as a link target. */
    private static final int MAX_LINK_TARGET_BYTES = 4096;

    private final ObjectReader reader;
    private final Path target;
    private final Set<Path> verifiedDirectories = new HashSet<>();

    TreeExport(ObjectReader reader, Path target) {
        this.reader = reader;
        this.target = target.toAbsolutePath().normalize();
    }

    void export(ObjectId commitId) throws IOException {
        RevCommit commit;
        try (RevWalk walk = new RevWalk(reader)) {
            commit = walk.parseCommit(commitId);
        }
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (FileMode.GITLINK.equals(mode)) {
                    continue; // a submodule's commit lives in another repository
                }
                Path destination = destinationOf(walk.getPathString());
                if (FileMode.SYMLINK.equals(mode)) {
                    writeLink(destination, walk.getObjectId(0));
                } else if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
                    writeFile(destination, walk.getObjectId(0), FileMode.EXECUTABLE_FILE.equals(mode));
                }
            }
        }
    }

    private Path destinationOf(String path) {
        if (path.isEmpty() || path.startsWith("/")) {
            throw unsafe(path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.toLowerCase(Locale.ROOT).equals(Constants.DOT_GIT) || segment.indexOf('\0') >= 0) {
                throw unsafe(path);
            }
        }
        Path destination;
        try {
            destination = target.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw unsafe(path);
        }
        if (!destination.startsWith(target) || destination.equals(target)) {
            throw unsafe(path);
        }
        return destination;
    }

    private static SourceRepositoryException unsafe(String path) {
        return new SourceRepositoryException("The commit contains a path that would leave the checkout directory: '"
                + path.replace("\0", "\\0") + "'", null);
    }

    private void writeFile(Path destination, ObjectId blob, boolean executable) throws IOException {
        createParents(destination);
        // CREATE_NEW refuses an existing name, a link included, so nothing is written through one.
        try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            reader.open(blob, Constants.OBJ_BLOB).copyTo(out);
        }
        if (executable) {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(destination,
                    LinkOption.NOFOLLOW_LINKS));
            // As git does: whoever may read the file may also run it (the umask decided who reads).
            if (permissions.contains(PosixFilePermission.OWNER_READ)) {
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
            }
            if (permissions.contains(PosixFilePermission.GROUP_READ)) {
                permissions.add(PosixFilePermission.GROUP_EXECUTE);
            }
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            }
            Files.setPosixFilePermissions(destination, permissions);
        }
    }

    private void writeLink(Path destination, ObjectId blob) throws IOException {
        byte[] linkTarget;
        try {
            linkTarget = reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(MAX_LINK_TARGET_BYTES);
        } catch (LargeObjectException e) {
            throw new SourceRepositoryException("The symbolic link " + target.relativize(destination)
                    + " has a target longer than " + MAX_LINK_TARGET_BYTES + " bytes", e);
        }
        createParents(destination);
        try {
            // The link may point anywhere; it is only created here, never written through.
            Files.createSymbolicLink(destination, Path.of(new String(linkTarget, StandardCharsets.UTF_8)));
        } catch (InvalidPathException e) {
            throw new SourceRepositoryException("The symbolic link " + target.relativize(destination)
                    + " has an invalid target", e);
        }
    }

    /** Creates the missing parent directories, refusing any existing parent that is not a real directory. */
    private void createParents(Path destination) throws IOException {
        Path relative = target.relativize(destination.getParent() == null ? target : destination.getParent());
        Path directory = target;
        for (Path segment : relative) {
            if (segment.toString().isEmpty()) {
                continue;
            }
            directory = directory.resolve(segment);
            if (verifiedDirectories.contains(directory)) {
                continue;
            }
            try {
                Files.createDirectory(directory);
            } catch (FileAlreadyExistsException exists) {
                if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                    throw unsafe(target.relativize(destination).toString());
                }
            }
            verifiedDirectories.add(directory);
        }
    }
}
