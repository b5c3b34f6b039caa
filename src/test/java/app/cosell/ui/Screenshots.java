package app.cosell.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes README screenshots: a snapshot of a scene as PNG into the folder named by the system property
 * {@code cosell.screenshots.dir} (surefire: {@code assets/screenshots}). Refuses a blank image.
 */
public final class Screenshots {

    private Screenshots() {}

    public static Path folder() {
        return Path.of(System.getProperty("cosell.screenshots.dir", "target/screenshots"));
    }

    /** Snapshots {@code scene} after the pending FX work ran, and saves it as {@code name}.png. */
    public static Path save(Scene scene, String name) throws Exception {
        return saveTo(scene, folder().resolve(name + ".png"));
    }

    /** Snapshots {@code scene} into {@code file} (PNG): for shots that are checked, not published. */
    public static Path saveTo(Scene scene, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage fx = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage image = SwingFXUtils.fromFXImage(fx, null);
        if (distinctColours(image) < 16) throw new IllegalStateException(file + ": the snapshot is blank");
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("No PNG writer");
        return file;
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
                if (colours.size() >= 64) return colours.size();
            }
        }
        return colours.size();
    }
}
