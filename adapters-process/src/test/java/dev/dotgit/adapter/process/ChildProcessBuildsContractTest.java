package dev.dotgit.adapter.process;

import dev.dotgit.application.port.out.build.RunBuildPort;
import dev.dotgit.application.port.out.contract.RunBuildPortContract;
import java.time.Duration;

class ChildProcessBuildsContractTest extends RunBuildPortContract {

    @Override
    protected RunBuildPort createPort() {
        return new ChildProcessBuilds(Duration.ofMillis(300));
    }
}
