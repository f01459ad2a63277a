package dev.dotgit.domain.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void repositoryNamesAreThreeToThirtySafeCharacters() {
        assertThat(RepositoryName.isValid("web")).isTrue();
        assertThat(RepositoryName.isValid("my-app.v2_x")).isTrue();
        assertThat(RepositoryName.isValid("ab")).isFalse();
        assertThat(RepositoryName.isValid("a".repeat(31))).isFalse();
        assertThat(RepositoryName.isValid("has space")).isFalse();
        assertThat(RepositoryName.isValid("...")).isFalse();
        assertThat(RepositoryName.isValid("dep_0123456789")).as("shaped like an id").isFalse();
        assertThat(RepositoryName.isValid("PROJ_ABCDEFGHIJ")).as("shaped like an id").isFalse();
        assertThat(RepositoryName.isValid("dep_012345678")).isTrue();
        assertThatThrownBy(() -> RepositoryName.parse("name", "x"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.first().field()).isEqualTo("name");
                    assertThat(e.first().problem()).isEqualTo(Problem.BAD_FORMAT);
                });
    }

    @Test
    void branchNamesFollowGitRules() {
        assertThat(BranchName.isValid("main")).isTrue();
        assertThat(BranchName.isValid("feature/login-2")).isTrue();
        for (String bad : new String[] {"", "-x", "a..b", "a b", "x.lock", "a~1", "a^", "a:b", "/a", "a/", "@",
                "a@{1}", "a\u0000b", ".hidden", "x/.y"}) {
            assertThat(BranchName.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void commitHashesAreNormalisedToLowerCase() {
        assertThat(CommitSha.parse("commit_sha", "ABCDEF1").value()).isEqualTo("abcdef1");
        assertThatThrownBy(() -> CommitSha.parse("commit_sha", "xyz")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CommitSha.parse("commit_sha", "abc")).isInstanceOf(InvalidInput.class);
    }
}
