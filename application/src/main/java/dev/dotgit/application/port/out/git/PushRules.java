package dev.dotgit.application.port.out.git;

import java.util.Objects;

/**
 * What a push may not do beyond what git itself refuses. Decided by the core, enforced by the
 * protocol adapter ref by ref (a refused ref is reported to the client with {@code reason}; the
 * push's other refs go on).
 *
 * @param undeletableRef a full ref name (the default branch) that a push may move but not delete
 */
public record PushRules(String undeletableRef) {

    public PushRules {
        Objects.requireNonNull(undeletableRef, "undeletableRef");
    }

    public String deletionRefusal() {
        return "refusing to delete the default branch " + undeletableRef;
    }
}
