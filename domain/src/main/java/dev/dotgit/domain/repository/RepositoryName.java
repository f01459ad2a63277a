package dev.dotgit.domain.repository;

import dev.dotgit.domain.error.InvalidInput;
import java.util.regex.Pattern;

/**
 * A repository's name, unique per owner: 3–30 characters of {@code A-Za-z0-9._-}. Projects
 * share the rule, because creating a project without a repository creates one of the same name.
 */
public record RepositoryName(String value) {

    public static final String RULE =
            "Must be 3-30 characters: letters, digits, '.', '_' or '-', and not shaped like an id such as dep_0123456789";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{3,30}");
    /** Site hosts and references accept an id or a name in one place, so a name may never read as an id. */
    private static final Pattern ID_SHAPED = Pattern.compile("(?i)[a-z]{2,4}_[0-9a-z]{10}");

    public RepositoryName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a repository name: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches() && !candidate.chars().allMatch(c -> c == '.')
                && !ID_SHAPED.matcher(candidate).matches();
    }

    public static RepositoryName parse(String field, String raw) {
        if (!isValid(raw)) {
            throw InvalidInput.badFormat(field, raw, RULE);
        }
        return new RepositoryName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
