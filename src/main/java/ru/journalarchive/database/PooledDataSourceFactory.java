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
        config.setMaximumPoolSize(12);
        config.setPoolName("archive-embedded");
        return new HikariDataSource(config);
    }
}
