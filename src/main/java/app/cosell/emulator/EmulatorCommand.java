package app.cosell.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code emulator} sub-command: runs the Partner Central emulator standalone until Ctrl-C, printing
 * {@code Partner Central emulator listening on http://127.0.0.1:PORT} once it accepts calls. A shutdown hook
 * stops it cleanly and flushes the data file.
 */
public final class EmulatorCommand {

    private static final String USAGE = """
            Usage: emulator [options]
              --port N                port on 127.0.0.1 (default 4566; 0 = any free port)
              --access-key-id K       access key id clients must sign with (default AKIAIOSFODNN7EXAMPLE)
              --secret-access-key S   secret key (default wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)
              --opportunities N       seeded opportunities per catalog (default 250)
              --seed N                seed of the generated data (default 42)
              --step-delay MS         milliseconds between task steps (default 800)
              --review-delay MS       milliseconds between the stages of AWS's review (default 60000)
              --instant               tasks complete inside the Start call
              --no-throttling         switch off the quotas (reads 10/s and 100,000 a day,
                                      writes 1/s and 10,000 a day, per operation)
              --faults FILE           fault rules (JSON, see docs/emulator.md)
              --data FILE             keep the state in FILE across restarts
              --admin                 enable the admin endpoint with a fresh secret (printed at start)
              --admin-token TOKEN     enable the admin endpoint with this secret (tests, scripts)
              --help                  this text
            Admin endpoint (off unless enabled; no signing, but every call needs the secret in the
            X-Emulator-Admin-Token header, Host 127.0.0.1 or localhost, and Content-Type: application/json on POST):
              http://127.0.0.1:PORT/_emulator/{settings,faults,reset,review,health}
            """;

    private EmulatorCommand() {
    }

    /** Runs until the JVM is asked to stop; returns the exit code (non-zero for bad arguments). */
    public static int run(String[] args) {
        return run(args, System.out, System.err, true);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean waitForShutdown) {
        PartnerCentralEmulator.Builder builder = PartnerCentralEmulator.builder().port(4566);
        String accessKey = null;
        String secretKey = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
                    case "--access-key-id" -> accessKey = value(args, ++i, arg);
                    case "--secret-access-key" -> secretKey = value(args, ++i, arg);
                    case "--opportunities" -> builder.opportunities(Integer.parseInt(value(args, ++i, arg)));
                    case "--seed" -> builder.seed(Long.parseLong(value(args, ++i, arg)));
                    case "--step-delay" -> builder.stepDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
                    case "--review-delay" -> builder.reviewDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
                    case "--instant" -> builder.instant(true);
                    case "--no-throttling" -> builder.throttling(false);
                    case "--faults" -> builder.faults(Files.readString(Path.of(value(args, ++i, arg))));
                    case "--data" -> builder.dataFile(Path.of(value(args, ++i, arg)));
                    case "--admin" -> builder.admin(true);
                    case "--admin-token" -> builder.adminToken(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if ((accessKey == null) != (secretKey == null)) {
                throw new IllegalArgumentException("give both --access-key-id and --secret-access-key, or neither");
            }
            if (accessKey != null) {
                builder.credentials(accessKey, secretKey);
            }
        } catch (IllegalArgumentException e) {
            err.println("emulator: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("emulator: cannot read the faults file: " + e.getMessage());
            return 2;
        }

        PartnerCentralEmulator emulator;
        try {
            emulator = builder.start();
        } catch (IOException e) {
            err.println("emulator: cannot start: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("emulator: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("emulator-shutdown").unstarted(() -> {
            emulator.close();
            stopped.countDown();
        }));
        out.println("Partner Central emulator listening on " + emulator.endpoint());
        if (emulator.adminEnabled()) {
            // The secret goes to the console of whoever started the emulator, never to the log.
            out.println("Admin endpoint " + emulator.endpoint() + "/_emulator/ with header "
                    + PartnerCentralEmulator.ADMIN_TOKEN_HEADER + ": " + emulator.adminToken());
        }
        out.flush();
        if (!waitForShutdown) {
            emulator.close();
            return 0;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
