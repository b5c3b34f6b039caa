package app.cosell.ui.common;

/** One key of a table's sort as the rep left it: the column's id and the direction. */
public record SortKey(String columnId, boolean ascending) {}
