package dev.dotgit.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.project.ProjectId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsArePrefixPlusTenLowercaseBase36Characters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = DeploymentId.generate().value();
            assertThat(id).matches("dep_[0-9a-z]{10}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
        assertThat(ProjectId.generate().value()).matches("proj_[0-9a-z]{10}");
    }

    @Test
    void parsingRefusesAnythingElse() {
        assertThat(DeploymentId.parse("dep_abc")).isEmpty();
        assertThat(DeploymentId.parse("dep_ABCDEFGHIJ")).isEmpty();
        assertThat(DeploymentId.parse("proj_abcdefghij")).isEmpty();
        assertThat(DeploymentId.parse(null)).isEmpty();
        assertThat(DeploymentId.parse("dep_abcdefghij")).isPresent();
    }
}
