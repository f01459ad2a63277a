package dev.dotgit.application.port.in.repository;

import dev.dotgit.application.port.in.validation.Violations;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryName;
import java.util.Objects;
import java.util.Optional;

public record CreateRepositoryCommand(AccountSlug owner, RepositoryName name, boolean isPrivate,
                                      Optional<String> description) {

    public CreateRepositoryCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** Validates raw caller input (nulls mean absent; {@code isPrivate} null means the default, private). */
    public static CreateRepositoryCommand of(String owner, String name, Boolean isPrivate, String description) {
        Violations violations = new Violations();
        if (name == null) {
            violations.add(InvalidInput.missing("name"));
        }
        RepositoryName parsedName = name == null ? null : violations.check(() -> RepositoryName.parse("name", name));
        if (owner == null) {
            violations.add(InvalidInput.missing("owner"));
        }
        AccountSlug parsedOwner = owner == null ? null : violations.check(() -> AccountSlug.parse("owner", owner));
        if (description != null && description.length() > Repository.MAX_DESCRIPTION_LENGTH) {
            violations.add(InvalidInput.outOfRange("description", null,
                    "Must be at most " + Repository.MAX_DESCRIPTION_LENGTH + " characters"));
        } else if (description != null && description.indexOf('\0') >= 0) {
            // Markdown may span lines, but a NUL is never text (and PostgreSQL refuses to store one).
            violations.add(InvalidInput.badFormat("description", null, "Must not contain NUL characters"));
        }
        violations.throwIfAny();
        return new CreateRepositoryCommand(parsedOwner, parsedName, isPrivate == null || isPrivate,
                Optional.ofNullable(description));
    }
}
