/**
 * The window: one sub-package per screen (FXML view, thin controller, a screen model with JavaFX properties and the
 * screen's decisions, unit-tested without a toolkit) and {@code ui.common} for what screens share (background work on
 * the one executor, error presenter, icons, theme, formats, messages). Depends on {@code model}, {@code engagement}
 * and {@code partner}; never on the SDK, the emulator or the command line. No cycles between sub-packages.
 */
package app.cosell.ui;
