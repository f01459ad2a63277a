package dev.dotgit.adapter.filesystem;

import dev.dotgit.application.port.out.contract.SiteStoragePortContract;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import java.nio.file.Path;

class DiskSiteStorageContractTest extends SiteStoragePortContract {

    @Override
    protected SiteStoragePort createPort(Path directory) {
        return new DiskSiteStorage(directory);
    }
}
