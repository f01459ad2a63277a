package dev.dotgit.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dotgit.application.port.out.site.PublishedSite;
import dev.dotgit.application.port.out.site.SiteFile;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot say of the in-memory fake: the bytes are copied and served from disk. */
class DiskSiteStorageTest {

    @TempDir
    Path temp;
    Path root;
    DiskSiteStorage sites;

    @BeforeEach
    void setUp() {
        root = temp.resolve("sites");
        sites = new DiskSiteStorage(root);
    }

    private Path source(String name) throws IOException {
        Path source = Files.createDirectories(temp.resolve("builds").resolve(name));
        Files.writeString(source.resolve("index.html"), "<h1>" + name + "</h1>");
        Files.createDirectories(source.resolve("docs"));
        Files.writeString(source.resolve("docs/index.html"), "<h1>docs</h1>");
        return source;
    }

    private static String contentOf(SiteFile file) {
        try {
            return Files.readString(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theServedFileHasThePublishedBytesEvenAfterTheSourceChanges() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        Path source = source("original");
        sites.publish(deployment, source);

        Files.writeString(source.resolve("index.html"), "changed after publishing");
        Files.delete(source.resolve("docs/index.html"));

        assertThat(sites.open(deployment, "/").map(DiskSiteStorageTest::contentOf)).contains("<h1>original</h1>");
        assertThat(sites.open(deployment, "/docs/").map(DiskSiteStorageTest::contentOf)).contains("<h1>docs</h1>");
    }

    @Test
    void aServedPathIsARealPathInsideTheSite() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, source("real"));

        SiteFile file = sites.open(deployment, "/docs").orElseThrow();

        assertThat(file.path()).isEqualTo(file.path().toRealPath());
        assertThat(file.path()).startsWith(root.toRealPath().resolve(deployment.value()));
        assertThat(file.fileName()).isEqualTo("index.html");
    }

    @Test
    void aLinkedFileIsStoredAsACopyNotAsALink() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        Path source = source("links");
        Files.createSymbolicLink(source.resolve("home.html"), Path.of("index.html"));

        sites.publish(deployment, source);

        SiteFile home = sites.open(deployment, "/home").orElseThrow();
        assertThat(Files.isSymbolicLink(home.path())).isFalse();
        assertThat(contentOf(home)).isEqualTo("<h1>links</h1>");
        try (Stream<Path> stored = Files.walk(root)) {
            assertThat(stored).noneMatch(Files::isSymbolicLink);
        }
    }

    @Test
    void aNamedPipeInTheOutputIsLeftOutAndDoesNotBlockPublishing() throws Exception {
        DeploymentId deployment = DeploymentId.generate();
        Path source = source("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", source.resolve("pipe.html").toString()).start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        PublishedSite published = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> sites.publish(deployment, source));

        assertThat(published.files()).isEqualTo(2);
        assertThat(sites.open(deployment, "/pipe.html")).isEmpty();
        assertThat(sites.open(deployment, "/pipe")).isEmpty();
    }

    @Test
    void aLinkPlantedInAPublishedSiteIsNeverFollowed() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("index.html"), "outside");
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, source("planted"));
        Path site = root.resolve(deployment.value());
        Files.delete(site.resolve("index.html"));
        Files.createSymbolicLink(site.resolve("index.html"), outside.resolve("index.html"));
        Files.delete(site.resolve("docs/index.html"));
        Files.delete(site.resolve("docs"));
        Files.createSymbolicLink(site.resolve("docs"), outside);

        assertThat(sites.open(deployment, "/")).isEmpty();
        assertThat(sites.open(deployment, "/index.html")).isEmpty();
        assertThat(sites.open(deployment, "/docs/")).isEmpty();
        assertThat(sites.open(deployment, "/docs/index.html")).isEmpty();
    }

    @Test
    void stagingLeftoversOfACrashAreNeverServedAndPublishingCopesWithThem() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        Path staging = Files.createDirectories(root.resolve(DiskSiteStorage.STAGING_PREFIX + deployment.value()
                + "-crashed"));
        Files.writeString(staging.resolve("index.html"), "half a site");
        Path discarded = Files.createDirectories(root.resolve(DiskSiteStorage.DISCARDED_PREFIX + deployment.value()
                + "-crashed"));
        Files.writeString(discarded.resolve("index.html"), "an old site");

        assertThat(sites.open(deployment, "/")).isEmpty();
        assertThat(sites.open(deployment, "/../" + staging.getFileName() + "/index.html")).isEmpty();

        sites.publish(deployment, source("after-crash"));

        assertThat(sites.open(deployment, "/").map(DiskSiteStorageTest::contentOf)).contains("<h1>after-crash</h1>");
        assertThat(listing(root)).containsExactly(deployment.value());
    }

    @Test
    void republishingLeavesOnlyTheNewSite() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, source("first"));

        sites.publish(deployment, source("second"));

        assertThat(sites.open(deployment, "/").map(DiskSiteStorageTest::contentOf)).contains("<h1>second</h1>");
        assertThat(listing(root)).containsExactly(deployment.value());
    }

    @Test
    void aFailedPublishKeepsTheEarlierSiteAndLeavesNoStaging() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, source("kept"));

        assertThatThrownBy(() -> sites.publish(deployment, temp.resolve("builds/missing")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(deployment.value());

        assertThat(sites.open(deployment, "/").map(DiskSiteStorageTest::contentOf)).contains("<h1>kept</h1>");
        assertThat(listing(root)).containsExactly(deployment.value());
    }

    @Test
    void deleteLeavesNoTraceOfTheSiteOrItsLeftovers() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        DeploymentId other = DeploymentId.generate();
        sites.publish(deployment, source("deleted"));
        sites.publish(other, source("other"));
        Files.createDirectories(root.resolve(DiskSiteStorage.STAGING_PREFIX + deployment.value() + "-crashed"));

        sites.delete(deployment);

        assertThat(listing(root)).containsExactly(other.value());
    }

    @Test
    void longButValidNamesAreServed() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        Path source = source("long-names");
        String longName = "n".repeat(250);
        Path deep = Files.createDirectories(source.resolve(longName).resolve(longName));
        Files.writeString(deep.resolve(longName + ".html"), "deep");
        sites.publish(deployment, source);

        assertThat(sites.open(deployment, "/" + longName + "/" + longName + "/" + longName)
                .map(DiskSiteStorageTest::contentOf)).contains("deep");
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
