package app.cosell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts another JVM with this test run's class path: the command line as a user runs it, or a process to kill. */
public final class ChildJvm {

    private ChildJvm() {}

    /** {@code java -cp <test class path> -Dcosell.dataDir=<dataDir> <main> <args>}, with extra environment. */
    public static ProcessBuilder command(Path dataDir, Map<String, String> env, String main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-D" + "cosell.dataDir=" + dataDir);
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to the end; returns the exit code, standard output and standard error. */
    public static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        int code = p.waitFor();
        return new Result(code, new String(out), new String(err));
    }

    public record Result(int exitCode, String stdout, String stderr) {}
}
