import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The AOT cache of the packaged app (JEP 483/514), made at build time by one training run of the app image: its own
 * runtime's {@code java} with exactly the class path, main class and JVM options its launcher's {@code .cfg} holds
 * (so the cache matches what the launcher starts), plus {@code -XX:AOTCacheOutput}. The app runs to its first frame
 * and MILLIS_AFTER_FIRST_FRAME beyond (0: the start-up path only; more: also the emulator start and first page, for a
 * larger cache), then closes itself ({@code cosell.exitAfterFirstFrame}).
 *
 * <p>Usage: {@code AotTraining DIST_DIR NAME AOT_FILE ENABLED [MILLIS_AFTER_FIRST_FRAME]}. A real window needs a display: on Linux without one,
 * an {@code Xvfb} found on the PATH is started for the run. With ENABLED=false the launcher's
 * {@code -XX:AOTCache} option is removed instead, so the image starts without a cache and without a warning.
 */
public final class AotTraining {

    static final long TIMEOUT_SECONDS = 240;

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]).toAbsolutePath();
        String name = args[1];
        String aotFile = args[2];
        boolean enabled = Boolean.parseBoolean(args[3]);
        String afterFirstFrameMillis = args.length > 4 ? args[4] : "0";

        Path cfg = find(dist, name + ".cfg");
        Path appDir = cfg.getParent();
        Path java = findJava(dist);
        List<String> cfgLines = Files.readAllLines(cfg);
        if (!enabled) {
            Files.write(cfg, cfgLines.stream().filter(l -> !l.startsWith("java-options=-XX:AOTCache=")).toList());
            System.out.println("[aot] training disabled (dist.aot=false): launcher runs without an AOT cache");
            return;
        }

        List<String> options = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        String mainClass = null;
        for (String line : cfgLines) {
            String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", appDir.toString());
            if (line.startsWith("java-options=") && !value.startsWith("-XX:AOTCache=")) options.add(value);
            else if (line.startsWith("app.classpath=")) classPath.add(value);
            else if (line.startsWith("app.mainclass=")) mainClass = value;
        }
        if (mainClass == null || classPath.isEmpty()) throw new IllegalStateException("Unexpected launcher config " + cfg);

        Path scratch = Files.createTempDirectory("cosell-aot-training");
        Path cache = appDir.resolve(aotFile);
        Files.deleteIfExists(cache);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.add("-XX:AOTCacheOutput=" + cache);
        command.add("-Dcosell.exitAfterFirstFrame=" + afterFirstFrameMillis);
        // A clean rep's first start: own data folder, no AWS profiles (so the embedded emulator is used).
        command.add("-Dcosell.dataDir=" + scratch.resolve("data"));
        command.add("-Daws.configFile=" + scratch.resolve("aws-config"));
        command.add("-Daws.sharedCredentialsFile=" + scratch.resolve("aws-credentials"));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);

        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Process xvfb = needsVirtualDisplay() ? startXvfb(pb) : null;
        try {
            System.out.println("[aot] training run: " + String.join(" ", command));
            long t0 = System.nanoTime();
            Process app = pb.start();
            if (!app.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                app.destroyForcibly();
                throw new IllegalStateException("Training run did not end within " + TIMEOUT_SECONDS + " s");
            }
            if (app.exitValue() != 0 || !Files.isRegularFile(cache)) {
                throw new IllegalStateException("Training run failed (exit " + app.exitValue() + "), no " + cache);
            }
            System.out.printf("[aot] %s: %.1f MB in %.1f s%n", cache, Files.size(cache) / 1e6, (System.nanoTime() - t0) / 1e9);
        } finally {
            if (xvfb != null) xvfb.destroy();
            deleteTree(scratch);
        }
        resignOnMac(dist, name);
    }

    private static boolean needsVirtualDisplay() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("linux") && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static Process startXvfb(ProcessBuilder app) throws IOException, InterruptedException {
        Path xvfb = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, "Xvfb")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("The AOT training run needs a display: none is set and no "
                        + "Xvfb is installed (apt-get install xvfb), or build with -Ddist.aot=false"));
        for (int display = 91; display < 120; display++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + display)) || Files.exists(Path.of("/tmp/.X" + display + "-lock"))) continue;
            Process p = new ProcessBuilder(xvfb.toString(), ":" + display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 50 && p.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + display)); i++) Thread.sleep(100);
            if (p.isAlive()) {
                app.environment().put("DISPLAY", ":" + display);
                System.out.println("[aot] Xvfb on :" + display);
                return p;
            }
        }
        throw new IllegalStateException("Could not start Xvfb");
    }

    /** Adding the cache changed the bundle: seal it again ad hoc (jpackage's own default) so macOS accepts it. */
    private static void resignOnMac(Path dist, String name) throws IOException, InterruptedException {
        Path bundle = dist.resolve(name + ".app");
        if (!Files.isDirectory(bundle)) return;
        int rc = new ProcessBuilder("codesign", "--force", "--deep", "--sign", "-", bundle.toString()).inheritIO().start().waitFor();
        if (rc != 0) throw new IllegalStateException("codesign failed: " + rc);
    }

    private static Path find(Path root, String fileName) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + fileName + " under " + root));
        }
    }

    private static Path findJava(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("bin"))
                    .filter(p -> p.getFileName().toString().equals("java") || p.getFileName().toString().equals("java.exe"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No runtime java under " + root));
        }
    }

    /** The training run's scratch data folder (settings, the emulator's state), left behind in the temp folder before. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
