package dev.dotgit.domain.project;

import dev.dotgit.domain.error.InvalidInput;
import java.util.Arrays;

/**
 * How a project is built: a shell command run in the checkout (optional) and the directory
 * whose files become the site (optional; the checkout root when absent). The output directory
 * must stay inside the checkout: absolute paths and {@code ..} segments are refused here, once.
 */
public record BuildSettings(String buildCommand, String outputDirectory) {

    public static final BuildSettings NONE = new BuildSettings(null, null);
    public static final int MAX_COMMAND_LENGTH = 4000;
    public static final int MAX_DIRECTORY_LENGTH = 255;
    public static final String DIRECTORY_RULE =
            "Must be a relative path inside the repository (no leading '/', no '..' segments, at most 255 characters)";

    public BuildSettings {
        if (buildCommand != null && (buildCommand.isBlank() || buildCommand.length() > MAX_COMMAND_LENGTH
                || buildCommand.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("invalid build command");
        }
        if (outputDirectory != null && !isSafeDirectory(outputDirectory)) {
            throw new IllegalArgumentException("invalid output directory");
        }
    }

    /** Builds settings from caller input, naming the offending field in the error. */
    public static BuildSettings parse(String buildCommand, String outputDirectory) {
        if (buildCommand != null && (buildCommand.isBlank() || buildCommand.indexOf('\0') >= 0)) {
            throw InvalidInput.badFormat("build_command", buildCommand, "Must be a non-empty shell command");
        }
        if (buildCommand != null && buildCommand.length() > MAX_COMMAND_LENGTH) {
            throw InvalidInput.outOfRange("build_command", null,
                    "Must be at most " + MAX_COMMAND_LENGTH + " characters");
        }
        if (outputDirectory != null && !isSafeDirectory(outputDirectory)) {
            throw InvalidInput.badFormat("output_directory", outputDirectory, DIRECTORY_RULE);
        }
        return new BuildSettings(buildCommand, outputDirectory);
    }

    static boolean isSafeDirectory(String dir) {
        if (dir.isEmpty() || dir.length() > MAX_DIRECTORY_LENGTH || dir.startsWith("/") || dir.startsWith("\\")
                || dir.indexOf('\0') >= 0 || dir.contains("\\") || dir.contains(":")) {
            return false;
        }
        return Arrays.stream(dir.split("/")).noneMatch(".."::equals);
    }
}
