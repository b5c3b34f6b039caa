package app.cosell.ui.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;

/** The keyboard shortcuts of the main window (Shortcut = Ctrl, or Cmd on macOS). */
public final class Shortcuts {

    public static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination START_ENGAGEMENT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination BATCH = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    /** Full reload of the pipeline (every page), where F5 syncs only what changed. */
    public static final KeyCombination FULL_RELOAD = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination HISTORY = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SETTINGS = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination TABLE = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    /** Opens the column chooser (show or hide columns) of the opportunity table. */
    public static final KeyCombination COLUMNS =
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private Shortcuts() {}
}
