package dev.dotgit.adapter.rest.v2.http;

/**
 * Where v2's read-only routes run. Writes and streams run on the blocking executor; reads run on
 * the executor the server names {@value #EXECUTOR}, which the composition root chooses by
 * storage: with the embedded database a read is an in-process lookup that costs less than a
 * hand-off to another thread, so it runs where the request arrived; with a networked database
 * it is handed to the blocking executor like a write. v2 states what it needs without knowing
 * which database is behind the port.
 */
public final class ReadRoutes {

    public static final String EXECUTOR = "dotgit-reads";

    private ReadRoutes() {
    }
}
