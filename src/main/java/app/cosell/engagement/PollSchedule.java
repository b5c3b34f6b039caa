package app.cosell.engagement;

import java.time.Duration;

/**
 * How often the tracker looks at a running task. It makes one call per look: an evidence read for the step it
 * expects next, or the task itself (when {@code taskReadEvery} looks in a row brought no news, and whenever only the final
 * submit is left). Looks are {@code steady} apart while the task shows progress, stretch by half up to {@code slowest} once nothing
 * changed for {@code patience}, and back off up to {@code throttled} after throttling or network errors.
 *
 * @param first         the pause before the first look (a task often completes within it)
 * @param steady        the pause while steps keep advancing (bounds how far the step view lags)
 * @param slowest       the longest pause for a task that shows no change
 * @param throttled     the longest pause after throttling / network / internal errors
 * @param taskReadEvery read the task itself when this many looks in a row show no news (how soon a failure shows)
 * @param patience      how long without news before the pause starts to stretch (keeps the lag under a second
 *                      for tasks with slow steps, while a task stuck for long costs few calls)
 */
public record PollSchedule(Duration first, Duration steady, Duration slowest, Duration throttled, int taskReadEvery,
                           Duration patience) {

    /**
     * 0.5 s, then 0.9 s, stretching to 3 s after 15 s without news; up to 10 s after throttling; the task itself is
     * read when two evidence looks in a row showed nothing.
     */
    public static PollSchedule standard() {
        return new PollSchedule(Duration.ofMillis(500), Duration.ofMillis(900), Duration.ofSeconds(3),
                Duration.ofSeconds(10), 3, Duration.ofSeconds(15));
    }
}
