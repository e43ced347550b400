package ru.journalarchive.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class CronRunnerTest {

    @Test
    void aStartedScheduleRunsItsTaskOnTheExpressionAndStartingItAgainAddsNoSecondSchedule() throws Exception {
        CronRunner runner = new CronRunner("test-cron-");
        CountDownLatch twice = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger secondTask = new AtomicInteger();
        try {
            var next = runner.start(CronExpression.parse("* * * * * *"), "* * * * * *", () -> {
                runs.incrementAndGet();
                twice.countDown();
            });
            runner.start(CronExpression.parse("* * * * * *"), "* * * * * *", secondTask::incrementAndGet);

            assertThat(next).isPresent();
            assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            runner.stop();
        }
        int afterStop = runs.get();
        Thread.sleep(1500);
        assertThat(runs.get()).as("no run after stop").isEqualTo(afterStop);
        assertThat(secondTask.get()).as("starting again adds no second schedule").isZero();
    }

    @Test
    void aScheduleThatIsOffNeverStarts() {
        CronRunner runner = new CronRunner("test-cron-");

        assertThat(runner.start(null, "-", () -> { })).isEmpty();
        runner.stop();
    }
}
