package dev.dotgit.adapter.git;

import dev.dotgit.application.port.out.git.GitProtocolException;
import dev.dotgit.application.port.out.git.PushRules;
import dev.dotgit.application.port.out.git.RefUpdate;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort;
import dev.dotgit.application.port.out.source.SourceRepositoryException;
import dev.dotgit.domain.repository.RepositoryId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.errors.PackMismatchException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * The git protocol (v0, stateless) on the bare repositories {@link JGitSourceRepositories} keeps,
 * through JGit's {@link UploadPack} and {@link ReceivePack} with {@code biDirectionalPipe}
 * off: the mode in which one request carries everything the server needs (smart HTTP).
 *
 * <p>Protocol v2 is not offered: a client asking for it over HTTP ({@code Git-Protocol:
 * version=2}) gets the v0 advertisement and continues in v0, as git's own protocol allows.
 *
 * <p>Concurrency: JGit updates each ref under git's own lock file, so two pushes to one ref race
 * the way they do on any git server: one wins, the other is told its ref moved ({@code
 * lock failure} / non-fast-forward) and its update is not reported as done.
 */
public final class JGitGitProtocol implements ServeGitProtocolPort {

    private final Path root;

    public JGitGitProtocol(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void advertise(RepositoryId repository, GitService service, OutputStream out) {
        try (Repository git = open(repository)) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=" + service.wireName() + "\n");
            packets.end();
            PacketLineOutRefAdvertiser advertiser = new PacketLineOutRefAdvertiser(packets);
            if (service == GitService.UPLOAD_PACK) {
                UploadPack upload = new UploadPack(git);
                upload.setBiDirectionalPipe(false);
                upload.sendAdvertisedRefs(advertiser);
            } else {
                ReceivePack receive = receivePack(git, null);
                receive.sendAdvertisedRefs(advertiser);
            }
            out.flush();
        } catch (IOException e) {
            throw failure("advertise the refs of", repository, e);
        }
    }

    @Override
    public void uploadPack(RepositoryId repository, InputStream in, OutputStream out) {
        try (Repository git = open(repository)) {
            UploadPack upload = new UploadPack(git);
            upload.setBiDirectionalPipe(false);
            upload.uploadWithExceptionPropagation(in, out, null);
            out.flush();
        } catch (IOException e) {
            throw failure("serve a fetch of", repository, e);
        }
    }

    @Override
    public List<RefUpdate> receivePack(RepositoryId repository, PushRules rules, InputStream in, OutputStream out) {
        try (Repository git = open(repository)) {
            ReceivePack receive = receivePack(git, rules);
            List<RefUpdate> done = new ArrayList<>();
            // Called once the refs are updated, with the commands that succeeded; the command list
            // itself is released when receive returns.
            receive.setPostReceiveHook((pack, commands) -> {
                for (ReceiveCommand command : commands) {
                    done.add(new RefUpdate(command.getRefName(), command.getOldId().name(),
                            command.getNewId().name()));
                }
            });
            receive.receiveWithExceptionPropagation(in, out, null);
            out.flush();
            return List.copyOf(done);
        } catch (IOException e) {
            throw failure("receive a push to", repository, e);
        }
    }

    /**
     * Deletions of the protected ref are refused in the pre-receive hook, ref by ref, so git tells
     * the client exactly which ref and why ({@code ! [remote rejected] main (refusing …)}).
     */
    private static ReceivePack receivePack(Repository git, PushRules rules) {
        ReceivePack receive = new ReceivePack(git);
        receive.setBiDirectionalPipe(false);
        // Received objects are checked as `git fsck` would, so a push cannot store a corrupt tree
        // that a later checkout (the build) would trip over.
        receive.setCheckReceivedObjects(true);
        if (rules != null) {
            receive.setPreReceiveHook((pack, commands) -> {
                for (ReceiveCommand command : commands) {
                    if (command.getType() == ReceiveCommand.Type.DELETE
                            && command.getRefName().equals(rules.undeletableRef())) {
                        command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, rules.deletionRefusal());
                    }
                }
            });
        }
        return receive;
    }

    private Repository open(RepositoryId repository) {
        Path directory = root.resolve(repository.value() + JGitSourceRepositories.REPOSITORY_SUFFIX);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceRepositoryException("Repository " + repository + " does not exist", null);
        }
        try {
            return new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build();
        } catch (RepositoryNotFoundException e) {
            throw new SourceRepositoryException("Repository " + repository + " does not exist", e);
        } catch (IOException e) {
            throw new SourceRepositoryException("Could not open repository " + repository, e);
        }
    }

    /**
     * Blames the client unless JGit says the repository's storage failed. JGit reports most
     * protocol violations as plain {@code IOException}s ("Invalid packet line header"), so the
     * storage failures are the ones named here; everything else happened while reading what the
     * client sent (not git, cut short, a connection gone) or writing to it.
     */
    private static RuntimeException failure(String action, RepositoryId repository, IOException e) {
        String message = "Could not " + action + " " + repository + ": " + e.getMessage();
        if (e instanceof MissingObjectException || e instanceof PackInvalidException
                || e instanceof PackMismatchException
                || e instanceof LockFailedException || e instanceof FileSystemException) {
            return new SourceRepositoryException(message, e);
        }
        return new GitProtocolException(message, e);
    }
}
