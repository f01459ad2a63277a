package dev.dotgit.adapter.rest.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without an operator token configured, the operator surface does not exist. */
@MicronautTest
class AdminSurfaceDisabledTest {

    @Inject
    EmbeddedServer server;

    @Test
    void everyAdminPathIsNotFound() {
        RestAssured.port = server.getPort();
        given().header("Authorization", "Bearer anything").contentType(ContentType.JSON)
                .body("{\"slug\":\"acme\"}").post("/admin/accounts").then().statusCode(404)
                .body("error.code", equalTo("not_found"));
        given().contentType(ContentType.JSON).body("{}").patch("/admin/accounts/acme").then().statusCode(404);
    }
}
