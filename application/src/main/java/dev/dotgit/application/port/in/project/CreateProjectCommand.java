package dev.dotgit.application.port.in.project;

import dev.dotgit.application.port.in.validation.Violations;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.project.BuildSettings;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.repository.RepositoryName;
import java.util.Objects;
import java.util.Optional;

/**
 * @param repositoryId the repository to connect, as the caller sent it; empty to create a
 *                     repository of the same name
 */
public record CreateProjectCommand(RepositoryName name, Optional<String> framework, Optional<String> repositoryId,
                                   BuildSettings buildSettings) {

    public CreateProjectCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(buildSettings, "buildSettings");
    }

    /** Validates raw caller input (nulls mean absent), reporting every bad field at once. */
    public static CreateProjectCommand of(String name, String framework, String repositoryId, String buildCommand,
                                          String outputDirectory) {
        Violations violations = new Violations();
        RepositoryName parsedName = name == null ? null : violations.check(() -> RepositoryName.parse("name", name));
        if (name == null) {
            violations.add(InvalidInput.missing("name"));
        }
        if (framework != null && (framework.isBlank() || framework.length() > Project.MAX_FRAMEWORK_LENGTH)) {
            violations.add(InvalidInput.outOfRange("framework", framework,
                    "Must be 1-" + Project.MAX_FRAMEWORK_LENGTH + " characters"));
        } else if (framework != null && framework.chars().anyMatch(Character::isISOControl)) {
            violations.add(InvalidInput.badFormat("framework", framework, "Must not contain control characters"));
        }
        // BuildSettings.parse stops at its first bad field; check each field on its own so a
        // bad build command does not hide a bad output directory.
        violations.check(() -> BuildSettings.parse(buildCommand, null));
        violations.check(() -> BuildSettings.parse(null, outputDirectory));
        violations.throwIfAny();
        return new CreateProjectCommand(parsedName, Optional.ofNullable(framework), Optional.ofNullable(repositoryId),
                new BuildSettings(buildCommand, outputDirectory));
    }
}
