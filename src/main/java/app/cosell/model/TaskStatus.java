package app.cosell.model;

/** Status of an engagement-from-opportunity task as the service reports it. */
public enum TaskStatus {
    IN_PROGRESS, COMPLETE, FAILED;

    public boolean isEnd() { return this != IN_PROGRESS; }

    public static TaskStatus fromWire(String value) {
        for (TaskStatus s : values()) if (s.name().equals(value)) return s;
        return null;
    }
}
