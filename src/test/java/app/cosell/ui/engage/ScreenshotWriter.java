package app.cosell.ui.engage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a node's snapshot as PNG into the folder named by {@code cosell.screenshots.dir} (skipped when unset). */
public final class ScreenshotWriter {

    private ScreenshotWriter() {}

    public static Path save(Node node, String name) throws Exception {
        String dir = System.getProperty("cosell.screenshots.dir");
        if (dir == null || dir.isBlank()) return null;
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        Path file = Path.of(dir, name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        return file;
    }

}
