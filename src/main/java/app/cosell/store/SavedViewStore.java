package app.cosell.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rep's saved views of the opportunity list (a name and the view as JSON: filter, search, sort, columns; the
 * screen owns the JSON's shape), kept in the app-wide store. Thread-safe.
 */
public final class SavedViewStore {

    private final Database db;

    public SavedViewStore(Database db) {
        this.db = db;
    }

    /** Every view by name, in name order. */
    public Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, json FROM saved_views ORDER BY name COLLATE NOCASE");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(r.getString(1), r.getString(2));
            }
            return out;
        });
    }

    /** Saves (or replaces) a view. */
    public void save(String name, String viewJson, Instant at) {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO saved_views (name, json, saved_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at")) {
                s.setString(1, name);
                s.setString(2, viewJson);
                s.setLong(3, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    public void delete(String name) {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM saved_views WHERE name = ?")) {
                s.setString(1, name);
                return s.executeUpdate();
            }
        });
    }
}
