package ru.journalarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit's bandwidth limit. */
class ThrottleTest {

    @Test
    void readingThreeSecondsWorthOfBandwidthTakesAtLeastTwoSeconds() {
        Throttle throttle = new Throttle(1_000_000);
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            throttle.consumed(500_000);
        }
        // The bucket starts full (one second's worth), so 3 s of bandwidth take at least 2 s.
        assertThat((System.nanoTime() - start) / 1e9).isBetween(1.9, 3.0);
    }

    @Test
    void zeroMeansUnlimited() {
        Throttle throttle = new Throttle(0);
        long start = System.nanoTime();
        throttle.consumed(Long.MAX_VALUE / 2);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.1);
    }
}
