package dev.dotgit.domain.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.DeploymentNotCancellable;
import dev.dotgit.domain.error.IllegalDeploymentTransition;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DeploymentStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static Deployment queued() {
        return Deployment.queue(new AccountSlug("acme"), ProjectId.generate(), RepositoryId.generate(),
                BranchName.MAIN, new CommitSha(SHA), Environment.PRODUCTION, Strategy.INSTANT, false, EnvVars.NONE, T0);
    }

    /** Brings a fresh deployment into {@code status} along legal moves only. */
    static Deployment in(DeploymentStatus status) {
        Deployment d = queued();
        return switch (status) {
            case QUEUED -> d;
            case BUILDING -> d.startBuilding(T0.plusSeconds(1));
            case DEPLOYING -> d.startBuilding(T0.plusSeconds(1)).startDeploying();
            case SUCCEEDED -> d.startBuilding(T0.plusSeconds(1)).startDeploying().succeed(T0.plusSeconds(15));
            case FAILED -> d.startBuilding(T0.plusSeconds(1)).fail(T0.plusSeconds(5), "exit 1");
            case CANCELLED -> d.cancel(T0.plusSeconds(2), "key_aaaaaaaaaa");
        };
    }

    /** Each transition the domain offers, as the target state it tries to reach. */
    private static Function<Deployment, Deployment> move(DeploymentStatus target) {
        return switch (target) {
            case QUEUED -> d -> {
                throw new IllegalDeploymentTransition(d.id().value(), d.status().name(), "QUEUED");
            };
            case BUILDING -> d -> d.startBuilding(T0.plusSeconds(3));
            case DEPLOYING -> Deployment::startDeploying;
            case SUCCEEDED -> d -> d.succeed(T0.plusSeconds(20));
            case FAILED -> d -> d.fail(T0.plusSeconds(20), "boom");
            case CANCELLED -> d -> d.cancel(T0.plusSeconds(20), "key_aaaaaaaaaa");
        };
    }

    private static final Set<String> LEGAL = Set.of(
            "QUEUED>BUILDING", "QUEUED>CANCELLED", "QUEUED>FAILED",
            "BUILDING>DEPLOYING", "BUILDING>CANCELLED", "BUILDING>FAILED",
            "DEPLOYING>SUCCEEDED", "DEPLOYING>CANCELLED", "DEPLOYING>FAILED");

    @Test
    void everyPairOfStatesIsEitherAllowedOrRefused() {
        for (DeploymentStatus from : DeploymentStatus.values()) {
            for (DeploymentStatus to : DeploymentStatus.values()) {
                Deployment start = in(from);
                boolean legal = LEGAL.contains(from + ">" + to);
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(legal);
                if (legal) {
                    assertThat(move(to).apply(start).status()).as(from + " -> " + to).isEqualTo(to);
                } else if (to == DeploymentStatus.CANCELLED) {
                    assertThatThrownBy(() -> move(to).apply(start)).as(from + " -> " + to)
                            .isInstanceOf(DeploymentNotCancellable.class);
                } else {
                    assertThatThrownBy(() -> move(to).apply(start)).as(from + " -> " + to)
                            .isInstanceOf(IllegalDeploymentTransition.class);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DeploymentStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void finalStatesNeverChange(DeploymentStatus finalStatus) {
        Deployment done = in(finalStatus);
        assertThat(done.status().isFinal()).isTrue();
        for (DeploymentStatus target : EnumSet.allOf(DeploymentStatus.class)) {
            assertThatThrownBy(() -> move(target).apply(done)).isNotNull();
        }
        assertThat(done.advanceProgress(99)).isSameAs(done);
    }

    @Test
    void cancellingAFinishedDeploymentNamesItsStatus() {
        assertThatThrownBy(() -> in(DeploymentStatus.SUCCEEDED).cancel(T0, "key_aaaaaaaaaa"))
                .isInstanceOfSatisfying(DeploymentNotCancellable.class, e -> {
                    assertThat(e.code()).isEqualTo("deployment_not_cancellable");
                    assertThat(e.status()).isEqualTo("succeeded");
                });
    }

    @Test
    void progressOnlyMovesForwardAndReaches100ExactlyWhenLive() {
        Deployment building = in(DeploymentStatus.BUILDING);
        assertThat(building.progress()).isEqualTo(Deployment.PROGRESS_BUILDING);
        Deployment further = building.advanceProgress(40);
        assertThat(further.progress()).isEqualTo(40);
        assertThat(further.advanceProgress(20).progress()).isEqualTo(40);
        assertThat(further.advanceProgress(100).progress()).isEqualTo(99);
        Deployment live = further.startDeploying().succeed(T0.plusSeconds(30));
        assertThat(live.progress()).isEqualTo(100);
        assertThat(in(DeploymentStatus.FAILED).progress()).isLessThan(100);
    }

    @Test
    void aQueuedDeploymentStartsAtZeroWithoutTimes() {
        Deployment d = queued();
        assertThat(d.status()).isEqualTo(DeploymentStatus.QUEUED);
        assertThat(d.progress()).isZero();
        assertThat(d.startedAt()).isNull();
        assertThat(d.completedAt()).isNull();
        assertThat(d.buildDuration()).isEmpty();
    }

    @Test
    void buildDurationRunsFromBuildStartToCompletion() {
        Deployment live = in(DeploymentStatus.SUCCEEDED);
        assertThat(live.buildDuration()).contains(Duration.ofSeconds(14));
    }

    @Test
    void cancelRecordsWhoAndWhen() {
        Deployment cancelled = in(DeploymentStatus.BUILDING).cancel(T0.plusSeconds(9), "key_bbbbbbbbbb");
        assertThat(cancelled.status()).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo("key_bbbbbbbbbb");
        assertThat(cancelled.cancelledAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(cancelled.completedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void onlyAFailedDeploymentCanRecordARollback() {
        DeploymentId previous = DeploymentId.generate();
        assertThat(in(DeploymentStatus.FAILED).recordRollback(previous).rolledBackTo()).isEqualTo(previous);
        assertThatThrownBy(() -> in(DeploymentStatus.SUCCEEDED).recordRollback(previous))
                .isInstanceOf(IllegalDeploymentTransition.class);
    }

    @Test
    void inconsistentRestoredStatesAreRefused() {
        Deployment d = in(DeploymentStatus.SUCCEEDED);
        assertThatThrownBy(() -> new Deployment(d.id(), d.account(), d.project(), d.repository(), d.branch(),
                d.commitSha(), d.environment(), d.strategy(), false, d.envVars(), DeploymentStatus.BUILDING, 100,
                d.createdAt(), d.startedAt(), null, null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deployment(d.id(), d.account(), d.project(), d.repository(), d.branch(),
                d.commitSha(), d.environment(), d.strategy(), false, d.envVars(), DeploymentStatus.FAILED, 10,
                d.createdAt(), d.startedAt(), null, null, null, "x", null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
