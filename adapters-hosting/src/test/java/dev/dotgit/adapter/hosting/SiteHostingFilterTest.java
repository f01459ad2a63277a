package dev.dotgit.adapter.hosting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.dotgit.application.port.in.hosting.ServeSiteQuery;
import dev.dotgit.application.port.in.hosting.SiteRequest;
import dev.dotgit.application.port.out.site.SiteFile;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
class SiteHostingFilterTest {

    /** One site, {@code dep_aaaaaaaaaa}, with an index and a stylesheet; records every path asked for. */
    static final class OneSite implements ServeSiteQuery {
        final Path root;
        final List<String> requestedPaths = new CopyOnWriteArrayList<>();

        OneSite() {
            try {
                root = Files.createTempDirectory("site");
                Files.writeString(root.resolve("index.html"), "<h1>hello</h1>");
                Files.createDirectories(root.resolve("css"));
                Files.writeString(root.resolve("css/site.css"), "body{}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean isSiteHost(String host) {
            return host != null && host.endsWith(".sites.test");
        }

        @Override
        public Optional<SiteFile> find(SiteRequest request) {
            requestedPaths.add(request.path());
            if (!request.host().equals("dep_aaaaaaaaaa.sites.test")) {
                return Optional.empty();
            }
            String relative = request.path().equals("/") ? "index.html" : request.path().substring(1);
            Path file = root.resolve(relative);
            return Files.isRegularFile(file) ? Optional.of(new SiteFile(file, size(file), file.getFileName().toString()))
                    : Optional.empty();
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Factory
    static class Beans {
        @Singleton
        OneSite site() {
            return new OneSite();
        }
    }

    /** Stands for the API: it must be reached for non-site hosts only. */
    @Controller("/v1/ping")
    static class ApiRoute {
        @Get
        String ping() {
            return "{\"api\":true}";
        }
    }

    @Inject
    EmbeddedServer server;
    @Inject
    OneSite site;

    @BeforeEach
    void setUp() {
        RestAssured.port = server.getPort();
        site.requestedPaths.clear();
    }

    @Test
    void servesSiteFilesWithTheirContentType() {
        given().header("Host", "dep_aaaaaaaaaa.sites.test").get("/").then().statusCode(200)
                .contentType(containsString("text/html")).body(equalTo("<h1>hello</h1>"));
        given().header("Host", "dep_aaaaaaaaaa.sites.test").get("/css/site.css").then().statusCode(200)
                .contentType(containsString("text/css")).body(equalTo("body{}"));
    }

    @Test
    void aSiteHostNeverReachesTheApi() {
        given().header("Host", "dep_aaaaaaaaaa.sites.test").get("/v1/ping").then().statusCode(404)
                .contentType(containsString("text/html"));
        given().header("Host", "localhost").get("/v1/ping").then().statusCode(200).body(equalTo("{\"api\":true}"));
    }

    @Test
    void unknownSitesAndPagesAre404() {
        given().header("Host", "dep_bbbbbbbbbb.sites.test").get("/").then().statusCode(404)
                .body(containsString("404 Not Found"));
        given().header("Host", "dep_aaaaaaaaaa.sites.test").get("/missing.html").then().statusCode(404);
    }

    @Test
    void pathsArePercentDecodedBeforeLookupAndMalformedEscapesAre404() {
        given().header("Host", "dep_aaaaaaaaaa.sites.test").urlEncodingEnabled(false).get("/css/site%2Ecss")
                .then().statusCode(200);
        given().header("Host", "dep_aaaaaaaaaa.sites.test").urlEncodingEnabled(false).get("/a%2Bb%20c")
                .then().statusCode(404);
        assertThat(site.requestedPaths).contains("/css/site.css", "/a+b c");
        given().header("Host", "dep_aaaaaaaaaa.sites.test").urlEncodingEnabled(false).get("/bad%ff")
                .then().statusCode(404);
        assertThat(site.requestedPaths).noneMatch(p -> p.startsWith("/bad"));
    }

    @Test
    void onlyGetAndHeadAreAllowed() {
        given().header("Host", "dep_aaaaaaaaaa.sites.test").head("/").then().statusCode(200);
        given().header("Host", "dep_aaaaaaaaaa.sites.test").post("/").then().statusCode(405)
                .header("Allow", "GET, HEAD");
    }
}
