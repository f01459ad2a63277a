package dev.dotgit.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @Test
    void theRootAndDirectoriesNameTheirIndex() {
        assertThat(RequestPath.candidates("/")).contains(List.of(List.of("index.html")));
        assertThat(RequestPath.candidates("//")).contains(List.of(List.of("index.html")));
        assertThat(RequestPath.candidates("/docs/guide/")).contains(List.of(List.of("docs", "guide", "index.html")));
    }

    @Test
    void aNameIsTriedAsFileThenDirectoryThenHtmlPage() {
        assertThat(RequestPath.candidates("/docs/about")).contains(List.of(
                List.of("docs", "about"),
                List.of("docs", "about", "index.html"),
                List.of("docs", "about.html")));
    }

    @Test
    void emptySegmentsAreIgnored() {
        assertThat(RequestPath.candidates("//docs//site.css")).hasValueSatisfying(
                candidates -> assertThat(candidates.get(0)).containsExactly("docs", "site.css"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "index.html", "/..", "/a/../b", "/./index.html", "/a\\b", "/a\0b", "\\index.html"})
    void pathsThatCouldLeaveTheSiteAreRefused(String hostile) {
        assertThat(RequestPath.candidates(hostile)).isEmpty();
    }

    @Test
    void namesLongerThanAFileSystemAllowsAreRefused() {
        assertThat(RequestPath.candidates("/" + "n".repeat(255))).isPresent();
        assertThat(RequestPath.candidates("/" + "n".repeat(256))).isEmpty();
        assertThat(RequestPath.candidates("/" + "é".repeat(128))).isEmpty();
        assertThat(RequestPath.candidates("/" + "a/".repeat(RequestPath.MAX_LENGTH))).isEmpty();
    }

    @Test
    void aNameTooLongForAnHtmlSuffixHasNoPrettyCandidate() {
        assertThat(RequestPath.candidates("/" + "n".repeat(252))).hasValueSatisfying(
                candidates -> assertThat(candidates).hasSize(2));
    }
}
