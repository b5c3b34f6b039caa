package app.cosell.engagement;

import app.cosell.files.JsonFileStore;
import app.cosell.model.ReviewStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the change watcher keeps what it saw: the watermark (the newest LastModifiedDate read) and, per watched
 * opportunity, the values alerts compare against. One small interface, so the file behind it today can become a
 * table of the app's database without the watcher noticing.
 */
public interface ChangeWatchStore {

    /** What the last poll saw; {@link WatchState#EMPTY} before the first poll on this machine. */
    WatchState load();

    void save(WatchState state);

    /**
     * @param watermark the newest LastModifiedDate of any opportunity read, or null before the first poll
     * @param seen      per opportunity id, the values last seen
     * @param recent    the changes noticed lately, newest first (the "Changes since" list survives a restart)
     */
    record WatchState(int schemaVersion, Instant watermark, Map<String, Seen> seen, List<ReviewChange> recent) {
        public static final WatchState EMPTY = new WatchState(1, null, Map.of(), List.of());

        public WatchState {
            seen = Map.copyOf(seen == null ? Map.of() : seen);
            recent = List.copyOf(recent == null ? List.of() : recent);
        }
    }

    /** The values of one opportunity that raise an alert when they change. */
    record Seen(ReviewStatus reviewStatus, String awsStage, String awsSellerEmail, Instant lastModifiedDate) {}

    /** The watch state in a JSON file of the app's data folder. */
    static ChangeWatchStore inFile(JsonFileStore<WatchState> file) {
        return new ChangeWatchStore() {
            @Override public WatchState load() { return file.load().value(); }
            @Override public void save(WatchState state) { file.save(state); }
        };
    }
}
