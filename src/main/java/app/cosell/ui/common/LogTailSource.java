package app.cosell.ui.common;

import java.util.function.Consumer;

/**
 * Where the support texts (Copy diagnostics, Copy details) get the tail of the app's log: read in the background,
 * handed back on the FX thread.
 */
@FunctionalInterface
public interface LogTailSource {

    /** Reads the log's last lines off the FX thread and gives them to {@code onFx} on it ("" when there is no log). */
    void read(Consumer<String> onFx);

    /** No log file (tests, tools). */
    LogTailSource NONE = onFx -> onFx.accept("");
}
