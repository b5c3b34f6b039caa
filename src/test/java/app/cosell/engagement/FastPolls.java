package app.cosell.engagement;

import java.time.Duration;

/** The tracker's poll schedule for tests against the emulator: fast, so they run quickly (the benchmark measures the standard one). */
final class FastPolls {

    static final PollSchedule SCHEDULE = new PollSchedule(Duration.ofMillis(20), Duration.ofMillis(30),
            Duration.ofMillis(150), Duration.ofMillis(300), 3, Duration.ofMillis(300));

    private FastPolls() {}
}
