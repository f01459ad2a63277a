package dev.dotgit.adapter.rest.v2.support;

import dev.dotgit.application.port.in.account.CreatedAccount;
import dev.dotgit.application.testing.TestPlatform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The v2 API of the test server as a client sees it, plus the platform behind it for what a
 * client cannot do (create accounts and keys, run the deployment pipeline).
 */
public final class V2Api {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private final URI server;
    private final TestPlatform platform;
    private final FailingAuthentication authentication;

    public V2Api(URI server, TestPlatform platform, FailingAuthentication authentication) {
        this.server = server;
        this.platform = platform;
        this.authentication = authentication;
    }

    public FailingAuthentication authentication() {
        return authentication;
    }

    public URI server() {
        return server;
    }

    public RequestSpecification anonymous() {
        return RestAssured.given().baseUri(server.toString());
    }

    public RequestSpecification as(String secret) {
        return anonymous().header("Authorization", "Bearer " + secret);
    }

    /** A new account of its own, so that tests sharing the server never see each other's objects. */
    public Tenant newTenant() {
        CreatedAccount account = platform.newAccount("v2acct-" + ACCOUNTS.incrementAndGet());
        return new Tenant(this, account.account().slug(), account.secret().reveal());
    }

    public TestPlatform platform() {
        return platform;
    }
}
