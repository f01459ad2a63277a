package dev.dotgit.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.error.InvalidInput;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.255",
            "255.255.255.255", "240.0.0.1", "::", "::1", "fe80::1", "febf::1", "fc00::1", "fdff::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1",
            "2002:7f00:1::", "198.18.0.1", "192.0.0.8"})
    void internalAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(TargetAddresses.whyRefused(ip(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1",
            "100.63.255.255", "169.253.1.1", "192.169.0.1", "2606:4700::1111", "2001:db8::1", "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(TargetAddresses.whyRefused(ip(address))).as(address).isEmpty();
    }

    @Test
    void anIpv4MappedAddressBuiltAsIpv6IsJudgedByItsIpv4Part() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress address = java.net.Inet6Address.getByAddress(null, mapped, -1);

        assertThat(TargetAddresses.whyRefused(address)).hasValueSatisfying(why -> assertThat(why).contains("loopback"));
    }

    @Test
    void theFirstRetryComesAfterTheInitialDelayAndLaterOnesAreJitteredUpToTheCap() {
        DeliveryRetryPolicy policy = new DeliveryRetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofDays(3));

        assertThat(policy.nextAttempt(T0, 1, T0, Optional.empty(), () -> 0.99)).contains(T0.plusSeconds(30));
        assertThat(policy.nextAttempt(T0, 2, T0, Optional.empty(), () -> 0.0)).contains(T0.plusSeconds(30));
        assertThat(policy.nextAttempt(T0, 2, T0, Optional.empty(), () -> 0.5)).contains(T0.plusSeconds(45));
        assertThat(policy.nextAttempt(T0, 20, T0, Optional.empty(), () -> 0.999_999))
                .hasValueSatisfying(at -> assertThat(at).isBefore(T0.plusSeconds(300)).isAfter(T0.plusSeconds(299)));
    }

    @Test
    void aLongerRetryAfterWinsAndNothingIsTriedAfterTheRetryWindow() {
        DeliveryRetryPolicy policy = new DeliveryRetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofDays(3));

        assertThat(policy.nextAttempt(T0, 1, T0, Optional.of(Duration.ofMinutes(10)), () -> 0.5))
                .contains(T0.plusSeconds(600));
        assertThat(policy.nextAttempt(T0, 1, T0, Optional.of(Duration.ofSeconds(5)), () -> 0.5))
                .contains(T0.plusSeconds(30));
        Instant nearTheEnd = T0.plus(Duration.ofDays(3)).minusSeconds(10);
        assertThat(policy.nextAttempt(T0, 50, nearTheEnd, Optional.empty(), () -> 0.0)).isEmpty();
    }

    @Test
    void aSecretIsWhsecAndBase64OfThirtyTwoRandomBytesAndNeverPrinted() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.value()).startsWith("whsec_").hasSize(6 + 44);
        assertThat(secret.decodedKey()).hasSize(32);
        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
        assertThatThrownBy(() -> new WebhookSecret("whsec_c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachDeploymentStateRaisesItsTypesInEveryVersion() {
        assertThat(WebhookEventType.raisedByDeploymentEntering(DeploymentStatus.QUEUED))
                .containsExactly(WebhookEventType.DEPLOYMENT_CREATED);
        assertThat(WebhookEventType.raisedByDeploymentEntering(DeploymentStatus.SUCCEEDED)).containsExactlyInAnyOrder(
                WebhookEventType.DEPLOY_SUCCESS, WebhookEventType.DEPLOYMENT_COMPLETED,
                WebhookEventType.DEPLOYMENT_SUCCEEDED);
        assertThat(WebhookEventType.raisedByDeploymentEntering(DeploymentStatus.FAILED)).containsExactlyInAnyOrder(
                WebhookEventType.DEPLOY_FAILED, WebhookEventType.DEPLOYMENT_FAILED);
        assertThat(WebhookEventType.raisedByDeploymentEntering(DeploymentStatus.CANCELLED))
                .containsExactly(WebhookEventType.DEPLOYMENT_CANCELLED);
        assertThat(WebhookEventType.raisedByDeploymentEntering(DeploymentStatus.BUILDING)).isEmpty();
        assertThat(WebhookApiVersion.V3.offeredEvents()).extracting(WebhookEventType::wireName).containsExactly(
                "deployment.created", "deployment.succeeded", "deployment.failed", "deployment.cancelled",
                "repository.pushed");
    }

    @Test
    void aSubscriptionNamesBothBadFieldsAtOnce() {
        assertThatThrownBy(() -> WebhookSubscription.create(new AccountSlug("acme"), WebhookApiVersion.V3,
                "mailto:ops@example.com", List.of("deploy.success"), T0))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("url", "events"));
    }
}
