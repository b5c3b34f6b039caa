package app.cosell.bench;

import app.cosell.AppContext;
import app.cosell.CosellApp;
import app.cosell.partner.AwsProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The memory case of the packaging budget: the real main window with 10,000 opportunities, run on the packaged runtime
 * with the packaged class path and JVM options by packaging/bench/rss.sh, which reads VmRSS once the list has loaded.
 * The opportunities come from the standalone emulator in another process (as a rep's come from AWS), or from the
 * embedded emulator seeded with 10,000 per catalog (the desktop app seeds 2,000 and offers no switch for more).
 */
public final class TenThousandOpportunities extends Application {

    private AppContext context;

    @Override
    public void start(Stage stage) {
        try {
            Path dir = Files.createTempDirectory("cosell-rss");
            // cosell.bench.service=URL: the opportunities come from a Partner Central endpoint in another process
            // (rss.sh starts the standalone emulator there), reached through an AWS profile, as a rep's list comes
            // from AWS. Without it: the embedded emulator, seeded with 10,000 per catalog, in this process.
            String service = System.getProperty("cosell.bench.service");
            AwsProfiles profiles;
            if (service != null) {
                Path config = Files.writeString(dir.resolve("aws-config"), "[default]\nregion = us-east-1\n");
                Path credentials = Files.writeString(dir.resolve("aws-credentials"), "[default]\naws_access_key_id = "
                        + System.getProperty("cosell.bench.accessKeyId") + "\naws_secret_access_key = "
                        + System.getProperty("cosell.bench.secretAccessKey") + "\n");
                profiles = new AwsProfiles(config, credentials, null, dir.resolve("no-sso-cache"));
            } else {
                profiles = new AwsProfiles(dir.resolve("no-aws-config"), dir.resolve("no-aws-credentials"), null,
                        dir.resolve("no-sso-cache"));
            }
            context = new AppContext(new AppContext.Options(dir.resolve("data"), profiles,
                    new AppContext.EmulatorSetup(10_000, null, false), Duration.ofMillis(400)));
            long opened = System.nanoTime();
            var list = CosellApp.open(stage, context, url -> {}).listModel();  // no browser in a measurement
            // rss.sh checks that every row arrived before it trusts the figure.
            list.completeProperty().addListener((o, was, done) -> {
                if (done) System.out.printf("all %d loaded after %d ms%n", list.loadedProperty().get(),
                        (System.nanoTime() - opened) / 1_000_000);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (context != null) context.close();
    }

    public static void main(String[] args) {
        launch(TenThousandOpportunities.class, args);
    }
}
