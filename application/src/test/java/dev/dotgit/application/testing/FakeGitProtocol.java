package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.git.PushRules;
import dev.dotgit.application.port.out.git.RefUpdate;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort;
import dev.dotgit.domain.repository.RepositoryId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Speaks no git: records which repository each call was for, writes a marker, and answers a
 * push with the ref updates a test scripted (minus the deletion {@link PushRules} refuse, as
 * the real adapter does). The git adapter's tests cover the protocol itself.
 */
public final class FakeGitProtocol implements ServeGitProtocolPort {

    public record Call(String what, RepositoryId repository, PushRules rules) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile List<RefUpdate> nextPush = List.of();

    /** The ref updates the next pushes report as done. */
    public void pushWillUpdate(RefUpdate... updates) {
        nextPush = List.of(updates);
    }

    @Override
    public void advertise(RepositoryId repository, GitService service, OutputStream out) {
        calls.add(new Call("advertise " + service.wireName(), repository, null));
        write(out, "refs of " + repository.value());
    }

    @Override
    public void uploadPack(RepositoryId repository, InputStream in, OutputStream out) {
        calls.add(new Call("upload-pack", repository, null));
        write(out, "pack of " + repository.value());
    }

    @Override
    public List<RefUpdate> receivePack(RepositoryId repository, PushRules rules, InputStream in, OutputStream out) {
        calls.add(new Call("receive-pack", repository, rules));
        List<RefUpdate> done = new ArrayList<>();
        for (RefUpdate update : nextPush) {
            if (!(update.isDelete() && update.ref().equals(rules.undeletableRef()))) {
                done.add(update);
            }
        }
        write(out, "ok");
        return done;
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
