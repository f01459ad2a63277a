package dev.dotgit.bootstrap.tools;

import dev.dotgit.domain.apikey.SecretKey;

/**
 * Prints a fresh secret key in the platform's format, for {@code dotgit.bootstrap.api-key}
 * in scripts: {@code java -cp dotgit.jar dev.dotgit.bootstrap.tools.NewSecretKey}.
 */
public final class NewSecretKey {

    private NewSecretKey() {
    }

    public static void main(String[] args) {
        System.out.println(SecretKey.generate().reveal());
    }
}
