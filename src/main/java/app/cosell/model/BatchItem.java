package app.cosell.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One opportunity of a batch, as the queue keeps it. The client token and the task's local id are chosen and saved
 * before the Start is sent, so a crash at any moment can be resumed without starting the task twice.
 *
 * @param position     the item's place in the batch (0-based); Starts go out in this order
 * @param customer     the customer's company name at triage (for the results table and the export)
 * @param extraTags    tags for this item on top of the batch's own
 * @param blockedReason why triage skipped it (plain words), for {@link BatchItemState#BLOCKED} only
 * @param localId      the task's id in the task history, once chosen
 * @param clientToken  the ClientToken of its Start, once chosen
 * @param sentAt       when its token was saved for sending
 * @param taskId       the service's task id once answered
 * @param outcome      the reason code or failure code of a FAILED item, else null
 * @param message      the service's message of a FAILED item, else null
 */
public record BatchItem(String batchId, int position, String opportunityId, String customer, List<Tag> extraTags,
                        BatchItemState state, String blockedReason, String localId, String clientToken,
                        Instant sentAt, String taskId, String outcome, String message, Instant updatedAt) {

    public BatchItem {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(state, "state");
        extraTags = List.copyOf(extraTags == null ? List.of() : extraTags);
    }

    /** A queued item, nothing chosen yet. */
    public static BatchItem waiting(String batchId, int position, String opportunityId, String customer,
                                    List<Tag> extraTags, Instant now) {
        return new BatchItem(batchId, position, opportunityId, customer, extraTags, BatchItemState.WAITING, null,
                null, null, null, null, null, null, now);
    }

    /** An item triage skipped. */
    public static BatchItem blocked(String batchId, int position, String opportunityId, String customer,
                                    String reason, Instant now) {
        return new BatchItem(batchId, position, opportunityId, customer, List.of(), BatchItemState.BLOCKED, reason,
                null, null, null, null, null, null, now);
    }

    public BatchItem sending(String newLocalId, String newClientToken, Instant now) {
        return new BatchItem(batchId, position, opportunityId, customer, extraTags, BatchItemState.SENDING,
                blockedReason, newLocalId, newClientToken, now, taskId, outcome, message, now);
    }

    public BatchItem withState(BatchItemState newState, String newTaskId, String newOutcome, String newMessage,
                               Instant now) {
        return new BatchItem(batchId, position, opportunityId, customer, extraTags, newState, blockedReason, localId,
                clientToken, sentAt, newTaskId, newOutcome, newMessage, now);
    }
}
