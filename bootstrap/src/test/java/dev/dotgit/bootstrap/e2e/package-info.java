/**
 * End-to-end tests: the wired server with every real adapter (H2 or PostgreSQL, JGit, build
 * processes, disk, db-scheduler, site hosting, admin and v1 REST), driven only over HTTP, the
 * way a user or operator meets it. Assertions are about what a client sees: statuses, headers,
 * bodies (v1's golden fixtures from the v1 test-jar), hosted sites, and the build processes a
 * build left behind.
 *
 * <p>Servers, cheapest first:
 * <ul>
 *   <li>one in-process H2 server shared by every class that registers
 *       {@link dev.dotgit.bootstrap.e2e.support.E2eServer#sharedOnH2()}; each test makes its own
 *       uniquely named projects or its own accounts;</li>
 *   <li>an in-process server on a fresh PostgreSQL database per class
 *       ({@code $DOTGIT_TEST_POSTGRES_URL}, default {@code 127.0.0.1:5432/postgres}; unreachable
 *       means failed, never skipped);</li>
 *   <li>child JVMs running {@code DotgitServer.main} ({@link dev.dotgit.bootstrap.e2e.support.ChildServer})
 *       where the process itself is under test: crash and graceful stop, start-up errors.</li>
 * </ul>
 * Every server listens on 127.0.0.1 at a port chosen up front, with its data under a temporary
 * directory, a generated bootstrap key and operator token, and one-second job heartbeats. Every
 * process a test starts (server JVMs, recorded build pids) is killed when the test ends, however
 * it ends. Waiting is done with Awaitility, never with sleeps.
 *
 * <p>Run: {@code mvn -q test -pl bootstrap -am -Dtest='dev.dotgit.bootstrap.e2e.*Test'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
package dev.dotgit.bootstrap.e2e;
