package ru.journalarchive.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * Builds the connection pool over the embedded PostgreSQL, sized for the batch jobs' worker threads.
 */
class PooledDataSourceFactory {

    DataSource pooled(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        // A class or document worker holds one connection and may open a second (the freeze commits on its own);
        // size the pool well above two per worker thread (archive.jobs.close-threads defaults to one per core).
        config.setMaximumPoolSize(Math.max(16, 4 * Runtime.getRuntime().availableProcessors() + 8));
        // A database that is down answers within seconds (503 in the web interface), not after Hikari's 30 s.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("connectTimeout", "3");
        config.setPoolName("archive-embedded");
        return new HikariDataSource(config);
    }
}
