package ru.journalarchive;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The director's signing again with four worker threads (more partitions than documents in some tests): a restart
 * must still sign exactly the documents left over, as on a four-core server.
 */
@SpringBootTest(properties = "archive.jobs.close-threads=4")
class DirectorSignFourThreadsTest extends DirectorSignEndToEndTest {
}
