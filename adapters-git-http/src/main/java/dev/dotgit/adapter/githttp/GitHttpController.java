package dev.dotgit.adapter.githttp;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.in.git.FetchRepositoryUseCase;
import dev.dotgit.application.port.in.git.GitRepositoryPath;
import dev.dotgit.application.port.in.git.PushRepositoryUseCase;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.error.DomainError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Git's smart HTTP protocol at each repository's {@code clone_url}
 * ({@code <public-url>/<owner>/<name>.git}): the ref advertisement
 * ({@code GET …/info/refs?service=git-upload-pack|git-receive-pack}) and the two services
 * ({@code POST …/git-upload-pack} for clone and fetch, {@code POST …/git-receive-pack} for push).
 *
 * <p>Errors are short plain-text bodies, not an API envelope: git prints them to the user as they
 * are ({@code remote: …} / {@code fatal: …}). 401 carries {@code WWW-Authenticate: Basic} so git
 * asks for (or looks up) credentials; a missing, foreign or invisible repository is 404 whoever
 * asks; a read-only key pushing is 403; garbage is 400; a repository missing on disk is 503.
 *
 * <p>The protocol runs on the blocking pool and streams both ways: the request body is read as
 * it arrives and the response is written through a {@link ResponsePipe} as git produces it. The
 * status is chosen once the protocol has written its first bytes (or finished): every refusal
 * happens before that, so it still gets its status; a failure after it can only cut the response
 * short, which git reports as a broken answer.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class GitHttpController {

    static final String UPLOAD_PACK = "git-upload-pack";
    static final String RECEIVE_PACK = "git-receive-pack";
    static final String UPLOAD_PACK_ADVERTISEMENT = "application/x-git-upload-pack-advertisement";
    static final String RECEIVE_PACK_ADVERTISEMENT = "application/x-git-receive-pack-advertisement";
    static final String UPLOAD_PACK_REQUEST = "application/x-git-upload-pack-request";
    static final String RECEIVE_PACK_REQUEST = "application/x-git-receive-pack-request";
    static final String UPLOAD_PACK_RESULT = "application/x-git-upload-pack-result";
    static final String RECEIVE_PACK_RESULT = "application/x-git-receive-pack-result";
    private static final String REPOSITORY_SUFFIX = ".git";
    private static final String PLAIN = MediaType.TEXT_PLAIN + ";charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(GitHttpController.class);

    /** Runs the protocol against the pipe's output; what it throws decides the status. */
    @FunctionalInterface
    private interface Exchange {
        void run(Caller caller, GitRepositoryPath repository, OutputStream out) throws IOException;
    }

    private final AuthenticateCallerUseCase authenticate;
    private final FetchRepositoryUseCase fetch;
    private final PushRepositoryUseCase push;
    private final ExecutorService blocking;

    GitHttpController(AuthenticateCallerUseCase authenticate, FetchRepositoryUseCase fetch, PushRepositoryUseCase push,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.fetch = fetch;
        this.push = push;
        this.blocking = blocking;
    }

    @Get(uri = "/{owner}/{repository}/info/refs",
            produces = {UPLOAD_PACK_ADVERTISEMENT, RECEIVE_PACK_ADVERTISEMENT, MediaType.TEXT_PLAIN})
    MutableHttpResponse<?> infoRefs(HttpRequest<?> request, String owner, String repository,
                                    @Nullable @QueryValue String service) {
        if (!UPLOAD_PACK.equals(service) && !RECEIVE_PACK.equals(service)) {
            // Without ?service= a client is asking for git's "dumb" protocol, which is not served.
            return plain(HttpStatus.FORBIDDEN, "Only git's smart HTTP protocol is served: ask for "
                    + "?service=git-upload-pack or ?service=git-receive-pack (git 1.6.6 or newer does).");
        }
        boolean uploading = UPLOAD_PACK.equals(service);
        return exchange(request, owner, repository,
                uploading ? UPLOAD_PACK_ADVERTISEMENT : RECEIVE_PACK_ADVERTISEMENT,
                (caller, path, out) -> {
                    if (uploading) {
                        fetch.advertiseRefs(caller, path, out);
                    } else {
                        push.advertiseRefs(caller, path, out);
                    }
                });
    }

    @Post(uri = "/{owner}/{repository}/" + UPLOAD_PACK, consumes = MediaType.ALL,
            produces = {UPLOAD_PACK_RESULT, MediaType.TEXT_PLAIN})
    MutableHttpResponse<?> uploadPack(HttpRequest<?> request, String owner, String repository,
                                      @Body InputStream body) {
        if (!hasContentType(request, UPLOAD_PACK_REQUEST)) {
            return plain(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Expected Content-Type: " + UPLOAD_PACK_REQUEST);
        }
        return exchange(request, owner, repository, UPLOAD_PACK_RESULT,
                (caller, path, out) -> fetch.fetch(caller, path, decoded(request, body), out));
    }

    @Post(uri = "/{owner}/{repository}/" + RECEIVE_PACK, consumes = MediaType.ALL,
            produces = {RECEIVE_PACK_RESULT, MediaType.TEXT_PLAIN})
    MutableHttpResponse<?> receivePack(HttpRequest<?> request, String owner, String repository,
                                       @Body InputStream body) {
        if (!hasContentType(request, RECEIVE_PACK_REQUEST)) {
            return plain(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Expected Content-Type: " + RECEIVE_PACK_REQUEST);
        }
        return exchange(request, owner, repository, RECEIVE_PACK_RESULT,
                (caller, path, out) -> push.push(caller, path, decoded(request, body), out));
    }

    private MutableHttpResponse<?> exchange(HttpRequest<?> request, String owner, String repository,
                                            String resultType, Exchange exchange) {
        Caller caller;
        try {
            caller = authenticate.authenticate(GitHttpCredentials.apiKey(
                    request.getHeaders().get(HttpHeaders.AUTHORIZATION)));
        } catch (DomainError refused) {
            return refusal(refused);
        }
        if (!repository.endsWith(REPOSITORY_SUFFIX) || repository.length() == REPOSITORY_SUFFIX.length()) {
            return plain(HttpStatus.NOT_FOUND, "Repository not found.");
        }
        GitRepositoryPath path = new GitRepositoryPath(owner,
                repository.substring(0, repository.length() - REPOSITORY_SUFFIX.length()));

        ResponsePipe pipe = new ResponsePipe();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.output()) {
                exchange.run(caller, path, out);
            } catch (IOException e) {
                pipe.fail(e);
                throw new java.io.UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                pipe.fail(e);
                throw e;
            }
        }, blocking);
        try {
            CompletableFuture.anyOf(pipe.firstOutput(), done).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return plain(HttpStatus.SERVICE_UNAVAILABLE, "The server is shutting down.");
        } catch (ExecutionException failedFirst) {
            // Handled below: done is complete, exceptionally.
        }
        if (!pipe.hasOutput()) {
            // Nothing sent yet, so the protocol has ended (or is ending: a failure signals the pipe
            // just before it completes): wait for how, to answer with the right status.
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return plain(HttpStatus.SERVICE_UNAVAILABLE, "The server is shutting down.");
            } catch (ExecutionException failed) {
                return failure(path, done);
            }
        }
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("git response for {} broke off after it started: {}", path, rootCause(failure).toString());
            }
        });
        return HttpResponse.ok(new StreamedFile(pipe.input(), MediaType.of(resultType)))
                .contentType(resultType)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, max-age=0, must-revalidate")
                .header(HttpHeaders.EXPIRES, "Fri, 01 Jan 1980 00:00:00 GMT")
                .header("Pragma", "no-cache");
    }

    private static MutableHttpResponse<?> failure(GitRepositoryPath path, CompletableFuture<Void> done) {
        Throwable cause;
        try {
            done.join();
            return plain(HttpStatus.INTERNAL_SERVER_ERROR, "The git request failed.");
        } catch (RuntimeException e) {
            cause = rootCause(e);
        }
        if (cause instanceof DomainError refused) {
            if (refused.category() == dev.dotgit.domain.error.ErrorCategory.UNAVAILABLE) {
                LOG.error("git request for {} failed on the server side", path, refused.getCause());
            }
            return refusal(refused);
        }
        if (cause instanceof IOException) {
            // Reading the request failed: the client went away or sent a broken (e.g. gzip) body.
            return plain(HttpStatus.BAD_REQUEST, "The request body could not be read.");
        }
        LOG.error("git request for {} failed", path, cause);
        return plain(HttpStatus.INTERNAL_SERVER_ERROR, "The git request failed on the server.");
    }

    private static MutableHttpResponse<?> refusal(DomainError error) {
        return switch (error.category()) {
            case UNAUTHENTICATED -> plain(HttpStatus.UNAUTHORIZED,
                    "Authentication required: use an API key as the password (any user name). "
                            + error.getMessage())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dotgit\", charset=\"UTF-8\"");
            case NOT_FOUND -> plain(HttpStatus.NOT_FOUND, "Repository not found.");
            case FORBIDDEN -> plain(HttpStatus.FORBIDDEN, error.getMessage());
            case UNAVAILABLE -> plain(HttpStatus.SERVICE_UNAVAILABLE,
                    "The repository is temporarily unavailable; try again shortly.");
            default -> plain(HttpStatus.BAD_REQUEST, error.getMessage());
        };
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof ExecutionException
                || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean hasContentType(HttpRequest<?> request, String expected) {
        return request.getContentType().map(type -> type.getName().equalsIgnoreCase(expected)).orElse(false);
    }

    /**
     * Git gzips large fetch requests ({@code Content-Encoding: gzip}). The magic bytes are checked
     * too, so a body the server has already inflated is not inflated twice.
     */
    private static InputStream decoded(HttpRequest<?> request, InputStream body) throws IOException {
        String encoding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || !encoding.strip().equalsIgnoreCase("gzip")) {
            return body;
        }
        BufferedInputStream buffered = new BufferedInputStream(body);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered) : buffered;
    }

    private static MutableHttpResponse<String> plain(HttpStatus status, String message) {
        return HttpResponse.<String>status(status).contentType(PLAIN).body(message + "\n");
    }
}
