package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.contract.SiteStoragePortContract;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import java.nio.file.Path;

/**
 * The fake the hosting tests rely on resolves request paths like the disk adapter; that it
 * keeps no bytes is the one difference, checked only in the adapter's own tests.
 */
class InMemorySitesTest extends SiteStoragePortContract {

    @Override
    protected SiteStoragePort createPort(Path directory) {
        return new InMemorySites();
    }
}
