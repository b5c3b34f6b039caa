package app.cosell.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/linux/launcher.sh, the app image's Linux launcher, run by /bin/sh in a scratch app image whose
 * {@code lib/runtime/bin/java} only writes down the arguments it got: the launcher must pass the .cfg's JVM options in
 * order with $APPDIR, $ROOTDIR and $BINDIR expanded, the class path in order, the main class, then the rep's
 * arguments untouched (spaces, quotes, globs, an empty one), also when started through a symbolic link.
 */
@EnabledOnOs(OS.LINUX)
class LinuxLauncherScriptTest {

    @TempDir Path dir;
    private Path image;
    private Path launcher;
    private Path recorded;
    private Path recordedEnvironment;

    @BeforeEach
    void scratchImage() throws IOException {
        image = dir.resolve("My Apps/cosell-console");          // a space in the install path, too
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path appDir = Files.createDirectories(image.resolve("lib/app"));
        Path javaBin = Files.createDirectories(image.resolve("lib/runtime/bin"));
        recorded = dir.resolve("args.txt");
        recordedEnvironment = dir.resolve("env.txt");
        // One argument per line, framed, so an empty argument or a trailing space shows; then the environment.
        executable(javaBin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > '"
                + recorded + "'\nenv > '" + recordedEnvironment + "'\n");
        Files.copy(Path.of("packaging/linux/launcher.sh"), bin.resolve("cosell-console"));
        bin.resolve("cosell-console").toFile().setExecutable(true);
        launcher = bin.resolve("cosell-console");
        Files.writeString(appDir.resolve("cosell-console.cfg"), """
                [Application]
                app.classpath=$APPDIR/cosell-console.jar
                app.mainclass=app.cosell.Launcher
                app.classpath=$APPDIR/second lib.jar

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=-Xmx512m
                java-options=--add-modules
                java-options=javafx.controls,javafx.fxml
                java-options=-XX:AOTCache=$APPDIR/cosell-console.aot
                java-options=-Dpaths=$ROOTDIR|$BINDIR|$APPDIR""");
    }

    @Test
    void startsTheRuntimeWithTheCfgAndTheRepsArguments() throws Exception {
        List<String> args = run(Map.of("COSELL_DRI_DIR", dir.toString()), launcher, "emulator", "--port", "a b", "*", "",
                "it's");
        String root = image.toRealPath().toString();
        String app = root + "/lib/app";
        assertThat(args).containsExactly(
                "[-Djpackage.app-version=0.1.0]", "[-Xmx512m]", "[--add-modules]", "[javafx.controls,javafx.fxml]",
                "[-XX:AOTCache=" + app + "/cosell-console.aot]",
                "[-Dpaths=" + root + "|" + root + "/bin|" + app + "]",
                "[-Djpackage.app-path=" + root + "/bin/cosell-console]",
                "[-cp]", "[" + app + "/cosell-console.jar:" + app + "/second lib.jar]", "[app.cosell.Launcher]",
                "[emulator]", "[--port]", "[a b]", "[*]", "[]", "[it's]");
    }

    /**
     * Without a GPU device, Prism would load Mesa's software OpenGL only to refuse it and render in software anyway,
     * and GTK would load it to pick OpenGL visuals: about 50 MB of resident memory for nothing. The launcher asks for
     * the software pipeline and turns GTK's OpenGL off.
     */
    @Test
    void withoutAGpuDeviceItAsksForSoftwareRenderingAndGtkSkipsOpenGl() throws Exception {
        List<String> args = run(Map.of("COSELL_DRI_DIR", dir.resolve("no-dri").toString()), launcher, "x");
        String root = image.toRealPath().toString();
        assertThat(args.indexOf("[-Dprism.order=sw]")).as(args.toString())
                .isEqualTo(args.indexOf("[-Djpackage.app-path=" + root + "/bin/cosell-console]") - 1);
        assertThat(Files.readAllLines(recordedEnvironment)).contains("GDK_GL=disable");
    }

    @Test
    void theRepsOwnRenderingChoiceWinsWithoutAGpuDevice() throws Exception {
        List<String> args = run(Map.of("COSELL_DRI_DIR", dir.resolve("no-dri").toString(),
                "JAVA_TOOL_OPTIONS", "-Dprism.order=es2,sw", "GDK_GL", "always"), launcher, "x");
        assertThat(args).noneMatch(a -> a.contains("prism.order"));
        assertThat(Files.readAllLines(recordedEnvironment)).contains("GDK_GL=always");
    }

    @Test
    void withAGpuDeviceRenderingIsLeftToJavaFx() throws Exception {
        List<String> args = run(Map.of("COSELL_DRI_DIR", dir.toString()), launcher, "x");
        assertThat(args).noneMatch(a -> a.contains("prism.order"));
        assertThat(Files.readAllLines(recordedEnvironment)).noneMatch(l -> l.startsWith("GDK_GL="));
    }

    @Test
    void withoutArgumentsNothingFollowsTheMainClass() throws Exception {
        List<String> args = run(launcher);
        assertThat(args.getLast()).isEqualTo("[app.cosell.Launcher]");
    }

    @Test
    void findsItsImageWhenStartedThroughASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr/bin")).resolve("cosell-console"),
                launcher);
        List<String> args = run(link, "x");
        assertThat(args).contains("[-XX:AOTCache=" + image.toRealPath() + "/lib/app/cosell-console.aot]");
        assertThat(args.getLast()).isEqualTo("[x]");
    }

    @Test
    void startsFromABareEnvironmentWithoutAPath() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "y").redirectErrorStream(true);
        pb.environment().clear();
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        List<String> args = Files.readAllLines(recorded);
        assertThat(args).contains("[-Djpackage.app-path=" + image.toRealPath() + "/bin/cosell-console]");
        assertThat(args.getLast()).isEqualTo("[y]");
    }

    @Test
    void saysWhatIsMissingInsteadOfStartingWithoutItsConfiguration() throws Exception {
        Files.delete(image.resolve("lib/app/cosell-console.cfg"));
        Process p = new ProcessBuilder(launcher.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isNotZero();
        assertThat(out).contains("cannot read", "cosell-console.cfg");
        assertThat(recorded).as("the runtime must not start").doesNotExist();
    }

    private List<String> run(Path command, String... args) throws Exception { return run(Map.of(), command, args); }

    private List<String> run(Map<String, String> env, Path command, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("GDK_GL");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("launcher did not finish").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return Files.readAllLines(recorded);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
