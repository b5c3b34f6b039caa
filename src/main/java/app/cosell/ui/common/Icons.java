package app.cosell.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.IkonResolverProvider;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.javafx.JavaFXFontLoader;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The icons of the app, by what they mean (one place to change a glyph). */
public enum Icons {
    SEARCH(Material2MZ.SEARCH), REFRESH(Material2MZ.REFRESH), SETTINGS(Material2MZ.SETTINGS),
    HISTORY(Material2AL.HISTORY), START(Material2MZ.PLAY_ARROW), BATCH(Material2MZ.PLAYLIST_PLAY), ERROR(Material2AL.ERROR_OUTLINE),
    COPY(Material2AL.CONTENT_COPY), OK(Material2AL.CHECK_CIRCLE), EXPORT(Material2MZ.SAVE_ALT),
    WARNING(Material2MZ.WARNING), EMULATOR(Material2AL.COMPUTER), CLOUD(Material2AL.CLOUD),
    SIGNED_IN(Material2MZ.VERIFIED_USER), SIGN_IN(Material2AL.LOGIN), FILTER(Material2AL.FILTER_LIST),
    CLEAR(Material2AL.CLEAR), OPEN(Material2MZ.OPEN_IN_NEW), RUNNING(Material2MZ.SYNC), INFO(Material2AL.INFO),
    COLUMNS(Material2MZ.VIEW_COLUMN), MORE(Material2MZ.MORE_VERT),
    CODE(Material2AL.CODE), ADD(Material2AL.ADD), DELETE(Material2AL.DELETE_OUTLINE), RETRY(Material2MZ.REPLAY),
    EDIT(Material2AL.EDIT), OPEN_IN_BROWSER(Material2MZ.OPEN_IN_BROWSER), PROBLEM(Material2MZ.REPORT_PROBLEM),
    IDLE(Material2AL.CHECK_CIRCLE_OUTLINE), STEP_DONE(Material2AL.CHECK_CIRCLE), STEP_FAILED(Material2AL.CANCEL),
    STEP_SKIPPED(Material2MZ.SKIP_NEXT), STEP_WAITING(Material2AL.ACCESS_TIME);

    private final Ikon ikon;

    Icons(Ikon ikon) { this.ikon = ikon; }

    public FontIcon create() { return new FontIcon(ikon); }

    /**
     * Loads the icon fonts now, on the calling (background) thread, once the toolkit runs. Ikonli's resolver loads
     * the font of every icon pack handler on first use (four Material fonts, about 1 MB, each copied to a temporary
     * file by JavaFX), which would otherwise happen on the FX thread at the first icon of the main window. Its
     * resolver is created under a lock and its fonts are cached in a concurrent map, so the FX thread, if it gets
     * there first, simply waits for or reuses this work.
     */
    public static void preload() {
        IkonResolverProvider.getInstance(JavaFXFontLoader.getInstance()).resolve(SEARCH.ikon.getDescription());
    }
}
