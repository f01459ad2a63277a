package dev.dotgit.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The rules are about the shipped code: test classes and test-jars (fakes, fixtures) are
 * left out, wherever they come from.
 */
public final class ProductionClassesOnly implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }
}
