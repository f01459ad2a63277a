package dev.dotgit.bootstrap;

/**
 * A configuration value the server cannot run with. Start-up stops with one line naming the
 * key: an operator should not have to read a stack trace to find a typo.
 */
public final class InvalidConfiguration extends RuntimeException {

    public InvalidConfiguration(String key, String problem) {
        super(key + " " + problem, null, false, false);
    }
}
