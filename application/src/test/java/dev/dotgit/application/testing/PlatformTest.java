package dev.dotgit.application.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the use-case tests: a fresh {@link TestPlatform} per test over its own temporary
 * directory, closed afterwards. Subclasses add their own set-up (accounts, projects) in
 * their own {@code @BeforeEach}, which JUnit runs after this one.
 */
public abstract class PlatformTest {

    @TempDir
    protected Path temp;
    protected TestPlatform platform;

    @BeforeEach
    void startPlatform() {
        platform = new TestPlatform(temp);
    }

    @AfterEach
    void closePlatform() {
        platform.close();
    }
}
