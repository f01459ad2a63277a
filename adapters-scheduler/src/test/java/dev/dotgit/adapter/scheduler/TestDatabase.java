package dev.dotgit.adapter.scheduler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A database of its own for one test class, which every node of that class shares. */
interface TestDatabase {

    String jdbcUrl();

    String username();

    String password();

    /**
     * The settings every scheduling test's node starts with: this database, its migrations, and a
     * job worker that notices a dead node within seconds. A mutable map, for each test's own settings.
     */
    default Map<String, Object> nodeProperties(String nodeName) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl());
        properties.put("datasources.default.username", username());
        properties.put("datasources.default.password", password());
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("flyway.datasources.default.locations", "classpath:db/migration");
        properties.put("dotgit.jobs.node-name", nodeName);
        properties.put("dotgit.jobs.threads", 2);
        properties.put("dotgit.jobs.polling-interval", "200ms");
        properties.put("dotgit.jobs.heartbeat-interval", "1s");
        properties.put("dotgit.jobs.missed-heartbeats-limit", 4);
        properties.put("dotgit.jobs.shutdown-max-wait", "2s");
        return properties;
    }

    default Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }
}
