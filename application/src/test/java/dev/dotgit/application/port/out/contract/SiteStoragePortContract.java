package dev.dotgit.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.out.site.PublishedSite;
import dev.dotgit.application.port.out.site.SiteFile;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link SiteStoragePort} must do. Request paths come from the internet, already
 * URL-decoded: anything may be in them, and nothing outside the site may ever be found.
 */
public abstract class SiteStoragePortContract {

    @TempDir
    protected Path temp;

    protected SiteStoragePort sites;

    /** The port under test, keeping its sites under {@code directory} (which does not exist yet). */
    protected abstract SiteStoragePort createPort(Path directory);

    @BeforeEach
    void createPortUnderTest() {
        sites = createPort(temp.resolve("sites"));
    }

    /** A build output directory with a typical static site in it. */
    protected Path aBuiltSite(String name) throws IOException {
        Path source = Files.createDirectories(temp.resolve("builds").resolve(name));
        write(source, "index.html", "<h1>home</h1>");
        write(source, "about.html", "<h1>about</h1>");
        write(source, "LICENSE", "MIT");
        write(source, "LICENSE.html", "<p>MIT</p>");
        write(source, "css/site.css", "body{}");
        write(source, "docs/index.html", "<h1>docs</h1>");
        write(source, "docs/guide/index.html", "<h1>guide</h1>");
        Files.createDirectories(source.resolve("empty"));
        write(source, "no-index/page.html", "<p>page</p>");
        return source;
    }

    protected static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void publishCountsTheFilesAndBytesItKeeps() throws IOException {
        Path source = Files.createDirectories(temp.resolve("builds/small"));
        write(source, "index.html", "12345");
        write(source, "a/b/c.txt", "123");

        PublishedSite published = sites.publish(DeploymentId.generate(), source);

        assertThat(published).isEqualTo(new PublishedSite(2, 8));
    }

    @Test
    void theRootServesItsIndex() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("root"));

        assertThat(sites.open(deployment, "/")).hasValueSatisfying(file -> {
            assertThat(file.fileName()).isEqualTo("index.html");
            assertThat(file.size()).isEqualTo("<h1>home</h1>".length());
        });
    }

    @Test
    void aFileIsServedByItsPath() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("files"));

        assertThat(sites.open(deployment, "/css/site.css")).hasValueSatisfying(file -> {
            assertThat(file.fileName()).isEqualTo("site.css");
            assertThat(file.size()).isEqualTo(6);
        });
        assertThat(fileNameOf(sites.open(deployment, "/index.html"))).contains("index.html");
    }

    @Test
    void aDirectoryServesItsIndexWithOrWithoutTrailingSlash() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("directories"));

        assertThat(sizeOf(sites.open(deployment, "/docs/"))).contains((long) "<h1>docs</h1>".length());
        assertThat(sizeOf(sites.open(deployment, "/docs"))).contains((long) "<h1>docs</h1>".length());
        assertThat(sizeOf(sites.open(deployment, "/docs/guide"))).contains((long) "<h1>guide</h1>".length());
        assertThat(fileNameOf(sites.open(deployment, "/docs/guide/"))).contains("index.html");
    }

    @Test
    void aPathWithoutExtensionFallsBackToItsHtmlFile() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("pretty"));

        assertThat(fileNameOf(sites.open(deployment, "/about"))).contains("about.html");
        assertThat(fileNameOf(sites.open(deployment, "/about.html"))).contains("about.html");
        assertThat(fileNameOf(sites.open(deployment, "/LICENSE"))).contains("LICENSE");
        assertThat(sites.open(deployment, "/about/")).isEmpty();
    }

    @Test
    void aDirectoryItselfIsNeverServed() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("no-directories"));

        assertThat(sites.open(deployment, "/empty")).isEmpty();
        assertThat(sites.open(deployment, "/empty/")).isEmpty();
        assertThat(sites.open(deployment, "/no-index")).isEmpty();
        assertThat(sites.open(deployment, "/no-index/")).isEmpty();
        assertThat(fileNameOf(sites.open(deployment, "/no-index/page"))).contains("page.html");
    }

    @Test
    void aPathThatIsNotThereIsEmpty() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("missing"));

        assertThat(sites.open(deployment, "/nothing.html")).isEmpty();
        assertThat(sites.open(deployment, "/css/site.css/")).isEmpty();
        assertThat(sites.open(deployment, "/css/site.css/more")).isEmpty();
        assertThat(sites.open(deployment, "/index.html/")).isEmpty();
    }

    @Test
    void aSiteThatWasNeverPublishedHasNoFiles() {
        assertThat(sites.open(DeploymentId.generate(), "/")).isEmpty();
        assertThat(sites.open(DeploymentId.generate(), "/index.html")).isEmpty();
    }

    static List<String> hostilePaths() {
        return List.of(
                "/../secret.txt",
                "/../../secret.txt",
                "/css/../../secret.txt",
                "/..",
                "/../",
                "/%2e%2e/secret.txt",
                "/..%2fsecret.txt",
                "/..\\secret.txt",
                "/\\..\\secret.txt",
                "/css\\..\\..\\secret.txt",
                "/index.html\0.png",
                "/\0",
                "/.../secret.txt",
                "/{secret}",
                "{secret}",
                "//secret.txt",
                "/" + "a".repeat(5_000),
                "/" + "a/".repeat(3_000) + "index.html",
                "/" + "../".repeat(40) + "etc/passwd",
                "/" + "%".repeat(300));
    }

    @ParameterizedTest
    @MethodSource("hostilePaths")
    void nothingOutsideTheSiteIsEverFound(String hostile) throws IOException {
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.writeString(temp.resolve("index.html"), "not the site");
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("hostile"));
        // {secret} stands for the absolute path of a file outside the site, known only here.
        String requestPath = hostile.replace("{secret}", temp.resolve("secret.txt").toString());

        assertThat(sites.open(deployment, requestPath)).isEmpty();
    }

    @Test
    void oneSiteNeverServesTheFilesOfAnother() throws IOException {
        DeploymentId first = DeploymentId.generate();
        DeploymentId second = DeploymentId.generate();
        sites.publish(first, aBuiltSite("first"));
        Path other = Files.createDirectories(temp.resolve("builds/second"));
        write(other, "only-in-second.html", "second");
        sites.publish(second, other);

        assertThat(sites.open(first, "/only-in-second.html")).isEmpty();
        assertThat(sites.open(first, "/../" + second.value() + "/only-in-second.html")).isEmpty();
        assertThat(sites.open(second, "/only-in-second.html")).isPresent();
        assertThat(sites.open(second, "/")).isEmpty();
    }

    @Test
    void publishingAgainReplacesTheEarlierSite() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("v1"));
        Path next = Files.createDirectories(temp.resolve("builds/v2"));
        write(next, "index.html", "<h1>version two</h1>");
        write(next, "new.html", "new");

        PublishedSite published = sites.publish(deployment, next);

        assertThat(published.files()).isEqualTo(2);
        assertThat(sizeOf(sites.open(deployment, "/"))).contains((long) "<h1>version two</h1>".length());
        assertThat(sites.open(deployment, "/new")).isPresent();
        assertThat(sites.open(deployment, "/about")).isEmpty();
        assertThat(sites.open(deployment, "/css/site.css")).isEmpty();
    }

    @Test
    void deleteRemovesTheSite() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        DeploymentId kept = DeploymentId.generate();
        sites.publish(deployment, aBuiltSite("deleted"));
        sites.publish(kept, aBuiltSite("kept"));

        sites.delete(deployment);

        assertThat(sites.open(deployment, "/")).isEmpty();
        assertThat(sites.open(deployment, "/css/site.css")).isEmpty();
        assertThat(sites.open(kept, "/")).isPresent();
    }

    @Test
    void deletingASiteThatDoesNotExistDoesNothing() throws IOException {
        DeploymentId kept = DeploymentId.generate();
        sites.publish(kept, aBuiltSite("kept"));

        sites.delete(DeploymentId.generate());

        assertThat(sites.open(kept, "/")).isPresent();
    }

    @Test
    void aLinkToAFileInsideTheSourceIsPublishedAsThatFile() throws IOException {
        Path source = aBuiltSite("inner-link");
        Files.createSymbolicLink(source.resolve("home.html"), source.resolve("index.html"));
        Files.createSymbolicLink(source.resolve("docs/style.css"), Path.of("../css/site.css"));
        DeploymentId deployment = DeploymentId.generate();

        PublishedSite published = sites.publish(deployment, source);

        assertThat(published.files()).isEqualTo(10);
        assertThat(sites.open(deployment, "/home.html")).hasValueSatisfying(file -> {
            assertThat(file.fileName()).isEqualTo("home.html");
            assertThat(file.size()).isEqualTo("<h1>home</h1>".length());
        });
        assertThat(sizeOf(sites.open(deployment, "/docs/style.css"))).contains(6L);
    }

    @Test
    void linksThatLeaveTheSourceOrDoNotNameAFileAreLeftOut() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        Path outsideDirectory = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outsideDirectory.resolve("index.html"), "outside");
        Path source = aBuiltSite("outer-links");
        Files.createSymbolicLink(source.resolve("secret.txt"), secret);
        Files.createSymbolicLink(source.resolve("relative-secret.txt"), Path.of("../../secret.txt"));
        Files.createSymbolicLink(source.resolve("outside"), outsideDirectory);
        Files.createSymbolicLink(source.resolve("docs-again"), source.resolve("docs"));
        Files.createSymbolicLink(source.resolve("dangling.html"), source.resolve("gone.html"));
        DeploymentId deployment = DeploymentId.generate();

        PublishedSite published = sites.publish(deployment, source);

        assertThat(published.files()).isEqualTo(8);
        assertThat(sites.open(deployment, "/secret.txt")).isEmpty();
        assertThat(sites.open(deployment, "/relative-secret.txt")).isEmpty();
        assertThat(sites.open(deployment, "/outside/index.html")).isEmpty();
        assertThat(sites.open(deployment, "/outside/")).isEmpty();
        assertThat(sites.open(deployment, "/docs-again/")).isEmpty();
        assertThat(sites.open(deployment, "/dangling")).isEmpty();
    }

    protected static Optional<String> fileNameOf(Optional<SiteFile> file) {
        return file.map(SiteFile::fileName);
    }

    protected static Optional<Long> sizeOf(Optional<SiteFile> file) {
        return file.map(SiteFile::size);
    }
}
