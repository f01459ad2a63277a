package dev.dotgit.adapter.hosting;

import dev.dotgit.application.port.in.hosting.ServeSiteQuery;
import dev.dotgit.application.port.in.hosting.SiteRequest;
import dev.dotgit.application.port.out.site.SiteFile;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves published sites. Sites and the API share one port, so the choice is made by the
 * {@code Host} header before any route is matched: {@code dep_….<hosting-domain>} and
 * {@code <project>.<hosting-domain>} are sites (every path, every method), anything else goes
 * on to the API untouched. Only site requests leave the event loop (their lookup reads the
 * database); API requests pay one string comparison here.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SiteHostingFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SiteHostingFilter.class);
    private static final String NOT_FOUND_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>
            <body><h1>404 Not Found</h1><p>There is no site or page at this address.</p></body></html>
            """;

    private final ServeSiteQuery sites;
    private final ExecutorService blocking;

    public SiteHostingFilter(ServeSiteQuery sites, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sites = sites;
        this.blocking = blocking;
    }

    @Override
    public int getOrder() {
        // Before every API filter (authentication, version envelopes): a site request is not an API request.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (!sites.isSiteHost(host)) {
            return chain.proceed(request);
        }
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return Publishers.just(HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, "GET, HEAD"));
        }
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(() -> serve(request, host), blocking));
    }

    private MutableHttpResponse<?> serve(HttpRequest<?> request, String host) {
        Optional<String> path = PercentDecoding.decodePath(request.getPath());
        Optional<SiteFile> file;
        try {
            file = path.flatMap(p -> sites.find(new SiteRequest(host, p)));
        } catch (RuntimeException e) {
            LOG.error("could not serve site {} {}", host, request.getPath(), e);
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("The site is temporarily unavailable.");
        }
        if (file.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(NOT_FOUND_PAGE);
        }
        SiteFile found = file.get();
        MediaType type = MediaType.forFilename(found.fileName());
        // Revalidate every time: a deployment id's files never change, but a project alias
        // moves to a new deployment whenever one goes live.
        MutableHttpResponse<?> response = HttpResponse.ok().contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate");
        if (request.getMethod() == HttpMethod.HEAD) {
            return response.contentLength(found.size());
        }
        return HttpResponse.ok(new SystemFile(found.path().toFile(), type))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate");
    }
}
