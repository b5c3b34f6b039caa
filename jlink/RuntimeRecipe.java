import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The steps of the runtime recipe that jlink cannot do by itself, run by the dist profile with the toolchain's
 * {@code java} (single-file source launch, so Windows builders need no shell):
 *
 * <ul>
 *   <li>{@code prepare LIBS WORK MODULES DIST}: checks that {@code jlink/modules.txt} holds every module jdeps derives from
 *       the app jar and its class-path jars (fails the build if not); writes {@code WORK/modules.args} (the jlink
 *       module path and module list), fills {@code WORK/javafx} (the platform's JavaFX modular jars) and
 *       {@code WORK/input} (the app jar and every non-JavaFX jar: jpackage's {@code --input}), and removes the old
 *       runtime image and {@code DIST} (jlink and jpackage refuse to overwrite their output).</li>
 *   <li>{@code natives WORK}: copies the JavaFX native libraries out of the JavaFX jars into the linked runtime, where
 *       JavaFX loads them from first ({@code lib/}, {@code bin/} on Windows). jlink only keeps them as module
 *       resources, and JavaFX would otherwise unpack them into {@code ~/.openjfx/cache} on first start.</li>
 * </ul>
 */
public final class RuntimeRecipe {

    private static final List<String> NATIVE_SUFFIXES = List.of(".so", ".dll", ".dylib");

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
            case "natives" -> natives(Path.of(args[1]));
            default -> {
                System.err.println("usage: RuntimeRecipe prepare LIBS WORK MODULES DIST | natives WORK");
                System.exit(2);
            }
        }
    }

    static void prepare(Path libs, Path work, Path modulesFile, Path dist) throws IOException {
        List<Path> jars;
        try (Stream<Path> s = Files.list(libs)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        // JavaFX: keep the platform jars (modular, with natives); the classifier-less ones are empty placeholders.
        List<Path> javafx = jars.stream().filter(RuntimeRecipe::isJavafx).filter(RuntimeRecipe::isModular).toList();
        List<Path> classPath = jars.stream().filter(p -> !isJavafx(p)).toList();
        if (javafx.isEmpty()) throw new IllegalStateException("No JavaFX modular jars in " + libs);

        Set<String> listed = readModuleList(modulesFile);
        Set<String> derived = jdeps(classPath, javafx);
        Set<String> missing = new TreeSet<>(derived);
        missing.removeAll(listed);
        System.out.println("[runtime] jdeps derives: " + String.join(",", derived));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("jlink/modules.txt lacks modules the app needs (jdeps): " + missing
                    + ". Add them to " + modulesFile + ".");
        }

        Path fxDir = work.resolve("javafx");
        Path input = work.resolve("input");
        recreate(fxDir);
        recreate(input);
        deleteTree(work.resolve("runtime"));
        deleteTree(dist);
        for (Path jar : javafx) Files.copy(jar, fxDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        for (Path jar : classPath) Files.copy(jar, input.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(work.resolve("modules.args"), "--module-path \"" + slashes(fxDir) + "\"\n"
                + "--add-modules " + String.join(",", listed) + "\n");
        System.out.println("[runtime] " + listed.size() + " modules from " + modulesFile + "; input: " + classPath.size() + " jars");
    }

    static void natives(Path work) throws IOException {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        Path target = work.resolve("runtime").resolve(windows ? "bin" : "lib");
        if (!Files.isDirectory(target)) throw new IllegalStateException("No runtime image at " + target.getParent());
        int copied = 0;
        try (Stream<Path> s = Files.list(work.resolve("javafx"))) {
            for (Path jar : s.sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (var entry : zip.stream().toList()) {
                        String name = entry.getName();
                        if (name.contains("/") || NATIVE_SUFFIXES.stream().noneMatch(name::endsWith)) continue;
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                        copied++;
                    }
                }
            }
        }
        if (copied == 0) throw new IllegalStateException("No JavaFX native libraries found");
        System.out.println("[runtime] " + copied + " JavaFX native libraries -> " + target);
    }

    /** The module list file: one module a line; '#' starts a comment. */
    static Set<String> readModuleList(Path file) throws IOException {
        Set<String> modules = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            String m = line.replaceFirst("#.*", "").strip();
            if (!m.isEmpty()) modules.add(m);
        }
        return modules;
    }

    /** jdeps in class-path mode over the app and its jars, JavaFX resolved as modules. */
    static Set<String> jdeps(List<Path> classPath, List<Path> javafx) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("No jdeps: run on a JDK"));
        List<String> args = new ArrayList<>(List.of("--multi-release", Runtime.version().feature() + "",
                "--ignore-missing-deps", "--print-module-deps",
                "--module-path", join(javafx)));
        classPath.forEach(p -> args.add(p.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0) throw new IllegalStateException("jdeps failed (" + rc + "): " + err + out);
        String lastLine = out.toString().strip().lines().reduce((a, b) -> b).orElse("");
        Set<String> modules = new TreeSet<>();
        for (String m : lastLine.split(",")) if (!m.isBlank()) modules.add(m.strip());
        return modules;
    }

    private static boolean isJavafx(Path jar) {
        return jar.getFileName().toString().startsWith("javafx-");
    }

    private static boolean isModular(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry("module-info.class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }

    private static void recreate(Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
