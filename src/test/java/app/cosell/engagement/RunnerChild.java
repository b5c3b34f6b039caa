package app.cosell.engagement;

import app.cosell.files.AppJson;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * The engagement runner in a JVM of its own, for kill -9 tests: starts tasks against the emulator, one per
 * {@code opportunity:point} argument, in order; when a task reaches its point the process prints {@code AT <point>}
 * and that task holds there (the history has saved the snapshot) until the test kills the process. Before each start
 * it prints {@code READY <point>} and waits for a line on standard input, so the test can arm faults for it.
 *
 * <p>Arguments: endpoint, access key id, secret key, data folder, then {@code opportunity:point}... Points:
 * {@code token-saved} (the token is on disk, nothing sent), {@code tracking} (the task id is on disk, tracking began),
 * {@code sent} (never reached here: the test kills once the service acted on the start, before the answer arrives).
 */
public final class RunnerChild {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        Path dataDir = Path.of(args[3]);
        PartnerCentral pc = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"), null,
                Path.of("no-cache")), "test").forEmulator(endpoint, args[1], args[2], Catalog.Sandbox);
        TaskHistory history = TaskHistory.open(dataDir, AppJson.newMapper());
        EngagementRunner runner = new EngagementRunner(pc, history, Clock.systemUTC(), FastPolls.SCHEDULE);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 4; i < args.length; i++) {
            String opportunity = args[i].substring(0, args[i].indexOf(':'));
            String point = args[i].substring(args[i].indexOf(':') + 1);
            Predicate<TaskProgress> reached = switch (point) {
                case "token-saved" -> p -> !p.isStarted();
                case "sent" -> p -> false;
                case "tracking" -> TaskProgress::isStarted;
                default -> throw new IllegalArgumentException(point);
            };
            say("READY " + point);
            if (in.readLine() == null) return;
            Thread.ofVirtual().start(() -> {
                try {
                    runner.start(new StartEngagementRequest(Catalog.Sandbox, opportunity, InvolvementType.CO_SELL,
                            Visibility.FULL, List.of()), p -> {
                        if (!reached.test(p)) return;
                        say("AT " + point);
                        try {
                            never.await(); // held here, after the history saved the snapshot, until kill -9
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        never.await();
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
