package app.cosell.ui.common;

/**
 * A table column as the rep left it: its id, width (a share of the table's width) and whether it is shown. Saved with
 * the settings and in saved views.
 */
public record ColumnLayout(String id, double width, boolean visible) {}
