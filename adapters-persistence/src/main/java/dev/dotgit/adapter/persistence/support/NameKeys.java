package dev.dotgit.adapter.persistence.support;

import java.util.Locale;

/**
 * Names unique regardless of letter case are compared through a stored key. The key is
 * computed here, in one place, for writes and lookups alike, so the database's own notion of
 * lower case (which differs between engines and collations) never matters.
 */
public final class NameKeys {

    private NameKeys() {
    }

    public static String of(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
