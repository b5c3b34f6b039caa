package app.cosell.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A batch engagement: many opportunities started with one set of AWS involvement, visibility and tags, paced to the
 * write quota, each exactly once. Its items live beside it in the queue ({@link BatchItem}).
 *
 * @param id        {@code batch-…}, printed first by the command line and shown by the batch view
 * @param tags      tags every item gets (an item may add its own)
 * @param status    what the writer does with the waiting items
 */
public record Batch(String id, Catalog catalog, InvolvementType involvementType, Visibility visibility,
                    List<Tag> tags, Status status, Instant createdAt, Instant updatedAt) {

    /** What the batch's writer does. */
    public enum Status {
        /** Sending the waiting items, one per write permit. */
        RUNNING,
        /** Sends nothing more until resumed; what was sent is still followed. */
        PAUSED,
        /** Sends nothing more, ever; the waiting items were cancelled. What was sent is still followed. */
        CANCELLED,
        /** Every item is final. */
        FINISHED;

        /** Whether a relaunch should offer to resume it. */
        public boolean isOpen() { return this == RUNNING || this == PAUSED; }
    }

    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(involvementType, "involvementType");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    public Batch withStatus(Status newStatus, Instant now) {
        return new Batch(id, catalog, involvementType, visibility, tags, newStatus, createdAt, now);
    }

    /** The request one item sends: the batch's settings, its tags plus the item's own. */
    public StartEngagementRequest requestFor(BatchItem item) {
        List<Tag> all = new java.util.ArrayList<>(tags);
        for (Tag t : item.extraTags()) if (all.stream().noneMatch(x -> x.key().equals(t.key()))) all.add(t);
        return new StartEngagementRequest(catalog, item.opportunityId(), involvementType, visibility, all);
    }
}
