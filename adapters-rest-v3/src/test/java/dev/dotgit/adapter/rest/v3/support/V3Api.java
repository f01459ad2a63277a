package dev.dotgit.adapter.rest.v3.support;

import dev.dotgit.application.port.in.account.CreatedAccount;
import dev.dotgit.application.testing.TestPlatform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The v3 API of the test server as a client sees it, plus the platform behind it for what a
 * client cannot do (create accounts, run the deployment pipeline).
 */
public final class V3Api {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private final URI server;
    private final TestPlatform platform;
    private final InstrumentedAuthentication authentication;

    public V3Api(URI server, TestPlatform platform, InstrumentedAuthentication authentication) {
        this.server = server;
        this.platform = platform;
        this.authentication = authentication;
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
        CreatedAccount account = platform.newAccount("v3acct-" + ACCOUNTS.incrementAndGet());
        return new Tenant(this, account.account().slug(), account.secret().reveal(), account.adminKey().id().value());
    }

    public TestPlatform platform() {
        return platform;
    }

    public InstrumentedAuthentication authentication() {
        return authentication;
    }
}
