package app.cosell.model;

import java.time.Instant;

/**
 * What the read calls revealed about a running task's side effects, each null when not (yet) seen: the engagement
 * associated with the opportunity, its resource snapshot, its snapshot job, the invitation it sent, and the
 * opportunity's review status. Step inference turns this into step states.
 */
public record StepEvidence(String engagementId, String resourceSnapshotArn, String resourceSnapshotJobId,
                           String engagementInvitationId, ReviewStatus reviewStatus, Instant observedAt) {

    public static StepEvidence none() { return new StepEvidence(null, null, null, null, null, null); }

    public StepEvidence withEngagement(String id) {
        return new StepEvidence(id, resourceSnapshotArn, resourceSnapshotJobId, engagementInvitationId, reviewStatus, observedAt);
    }

    public StepEvidence withSnapshot(String arn) {
        return new StepEvidence(engagementId, arn, resourceSnapshotJobId, engagementInvitationId, reviewStatus, observedAt);
    }

    public StepEvidence withSnapshotJob(String id) {
        return new StepEvidence(engagementId, resourceSnapshotArn, id, engagementInvitationId, reviewStatus, observedAt);
    }

    public StepEvidence withInvitation(String id) {
        return new StepEvidence(engagementId, resourceSnapshotArn, resourceSnapshotJobId, id, reviewStatus, observedAt);
    }

    public StepEvidence withReviewStatus(ReviewStatus r) {
        return new StepEvidence(engagementId, resourceSnapshotArn, resourceSnapshotJobId, engagementInvitationId, r, observedAt);
    }
}
