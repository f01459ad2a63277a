package dev.dotgit.adapter.rest.admin;

import dev.dotgit.application.port.in.account.CreateAccountUseCase;
import dev.dotgit.application.port.in.account.UpdateAccountUseCase;
import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.in.auth.AuthenticateOperatorUseCase;
import dev.dotgit.application.service.auth.AuthenticateOperatorService;
import dev.dotgit.application.testing.TestPlatform;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** The real account use cases over in-memory fakes, as beans of their in-port types. */
@Factory
class AdminTestPlatform {

    @Singleton
    TestPlatform platform() throws IOException {
        return new TestPlatform(Files.createTempDirectory("admin-test"));
    }

    @Singleton
    CreateAccountUseCase createAccount(TestPlatform platform) {
        return platform.createAccount;
    }

    @Singleton
    UpdateAccountUseCase updateAccount(TestPlatform platform) {
        return platform.updateAccount;
    }

    @Singleton
    AuthenticateCallerUseCase authenticateCaller(TestPlatform platform) {
        return platform.authenticateCaller;
    }

    @Singleton
    @Requires(property = "test.operator-token")
    AuthenticateOperatorUseCase operatorWithToken(@Value("${test.operator-token}") String token) {
        return new AuthenticateOperatorService(Optional.of(token));
    }

    @Singleton
    @Requires(missingProperty = "test.operator-token")
    AuthenticateOperatorUseCase operatorWithoutToken() {
        return new AuthenticateOperatorService(Optional.empty());
    }
}
