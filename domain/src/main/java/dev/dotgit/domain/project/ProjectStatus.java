package dev.dotgit.domain.project;

/** The stored status. "building" is not stored: it is reported while a deployment of the project is active. */
public enum ProjectStatus {
    ACTIVE,
    ARCHIVED
}
