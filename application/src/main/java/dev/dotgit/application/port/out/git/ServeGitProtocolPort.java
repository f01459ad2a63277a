package dev.dotgit.application.port.out.git;

import dev.dotgit.domain.repository.RepositoryId;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The git wire protocol on a platform repository, in its stateless form (the one smart HTTP
 * carries: each request is one {@code InputStream} in, one {@code OutputStream} out, and the
 * server keeps nothing between them). The caller has decided that the client may do this; the
 * port only speaks git.
 *
 * <p>Failures: a repository that is missing on disk or unreadable is a
 * {@link dev.dotgit.application.port.out.source.SourceRepositoryException}; input that is not
 * the git protocol is a {@link GitProtocolException}. Either may be thrown after some output was
 * written (git clients then report a broken answer).
 */
public interface ServeGitProtocolPort {

    /** The two git services a client can ask for. */
    enum GitService {
        UPLOAD_PACK("git-upload-pack"),
        RECEIVE_PACK("git-receive-pack");

        private final String wireName;

        GitService(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * Writes the ref advertisement a client asks for first ({@code GET …/info/refs?service=…}),
     * including the {@code # service=} announcement that opens it over HTTP.
     */
    void advertise(RepositoryId repository, GitService service, OutputStream out);

    /** Answers a fetch or clone: reads the client's wants and haves, writes the pack. */
    void uploadPack(RepositoryId repository, InputStream in, OutputStream out);

    /**
     * Receives a push: reads the ref commands and the pack, applies what {@code rules} allow,
     * writes git's status report.
     *
     * @return the ref updates that succeeded, in the order the client sent them (empty when none did)
     */
    List<RefUpdate> receivePack(RepositoryId repository, PushRules rules, InputStream in, OutputStream out);
}
