package dev.dotgit.adapter.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void decodesEscapesAsUtf8AndKeepsPlusSigns() {
        assertThat(PercentDecoding.decodePath("/a%20b+c")).contains("/a b+c");
        assertThat(PercentDecoding.decodePath("/caf%C3%A9")).contains("/café");
        assertThat(PercentDecoding.decodePath("/café")).contains("/café");
        assertThat(PercentDecoding.decodePath("/%F0%9F%9A%80")).contains("/\uD83D\uDE80");
        assertThat(PercentDecoding.decodePath("")).contains("/");
        assertThat(PercentDecoding.decodePath("x")).contains("/x");
    }

    @Test
    void malformedEscapesAndInvalidUtf8AreRefused() {
        assertThat(PercentDecoding.decodePath("/bad%zz")).isEmpty();
        assertThat(PercentDecoding.decodePath("/bad%2")).isEmpty();
        assertThat(PercentDecoding.decodePath("/bad%")).isEmpty();
        assertThat(PercentDecoding.decodePath("/bad%ff")).isEmpty();
        assertThat(PercentDecoding.decodePath("/%C3")).isEmpty();
    }
}
