package app.cosell.engagement;

import java.time.Duration;

/**
 * How often the tracker looks at a running task. It makes one call per look: an evidence read for the step it
 * expects next, or the task itself (at least every {@code taskReadEvery} looks, and whenever only the final submit is
 * left). Looks are {@code steady} apart while the task shows progress, stretch by half up to {@code slowest} while
 * nothing changes, and back off up to {@code throttled} after throttling or network errors.
 *
 * @param first         the pause before the first look (a task often completes within it)
 * @param steady        the pause while steps keep advancing (bounds how far the step view lags)
 * @param slowest       the longest pause for a task that shows no change
 * @param throttled     the longest pause after throttling / network / internal errors
 * @param taskReadEvery read the task itself at least every this many looks (how soon a failure shows)
 * @param stillAfter    looks without change before the pause starts to stretch
 */
public record PollSchedule(Duration first, Duration steady, Duration slowest, Duration throttled, int taskReadEvery,
                           int stillAfter) {

    /** 0.5 s, then 0.9 s while progressing, stretching to 3 s; 10 s after throttling; the task read every 3rd look. */
    public static PollSchedule standard() {
        return new PollSchedule(Duration.ofMillis(500), Duration.ofMillis(900), Duration.ofSeconds(3),
                Duration.ofSeconds(10), 3, 3);
    }
}
