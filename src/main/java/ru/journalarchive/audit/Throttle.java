package ru.journalarchive.audit;

/**
 * A token bucket that keeps the audit's reads under a bandwidth limit: after each object the reader reports the
 * bytes it read and sleeps while the bucket is in debt. The bucket holds at most one second of bandwidth.
 */
final class Throttle {

    private final long bytesPerSecond;
    private double tokens;
    private long last = System.nanoTime();

    /** A throttle of {@code bytesPerSecond}; 0 means unlimited. */
    Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = bytesPerSecond;
    }

    /** Takes {@code bytes} from the bucket and sleeps until it is no longer in debt. */
    void consumed(long bytes) {
        if (bytesPerSecond <= 0 || bytes <= 0) {
            return;
        }
        long sleepNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(bytesPerSecond, tokens + (now - last) / 1e9 * bytesPerSecond);
            last = now;
            tokens -= bytes;
            sleepNanos = tokens >= 0 ? 0 : (long) (-tokens / bytesPerSecond * 1e9);
        }
        if (sleepNanos > 0) {
            try {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
