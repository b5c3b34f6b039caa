package app.cosell.ui.settings;

/** Where {@link UiSettings} live between launches (a JSON file; see {@code AppContext}). Blocking I/O. */
public interface UiSettingsStore {

    /** The saved settings, or {@link UiSettings#DEFAULTS} when there are none (or they could not be read). */
    UiSettings load();

    void save(UiSettings settings) throws Exception;

    /** A store that forgets: for tests that do not look at persistence. */
    static UiSettingsStore inMemory() {
        return new UiSettingsStore() {
            private volatile UiSettings saved = UiSettings.DEFAULTS;
            @Override public UiSettings load() { return saved; }
            @Override public void save(UiSettings s) { saved = s; }
        };
    }
}
