package app.cosell.ui.common;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where an export writes its CSV file: the save dialog the windows that export share. */
public final class CsvFileChooser {

    private CsvFileChooser() {}

    /**
     * Asks over {@code owner} where to save a CSV file: the dialog titled by the message {@code titleKey}, offering
     * {@code fileName} in {@code folder} (when it is an existing folder). Null when the rep cancels.
     */
    public static File askWhereToSave(Window owner, String titleKey, String fileName, File folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(titleKey));
        chooser.setInitialFileName(fileName);
        if (folder != null && folder.isDirectory()) chooser.setInitialDirectory(folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("history.export.csv"), "*.csv"));
        return chooser.showSaveDialog(owner);
    }
}
