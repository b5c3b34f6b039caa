package app.cosell.model;

import java.util.List;
import java.util.Objects;

/**
 * What the rep asks for when starting an engagement from an opportunity: the request of
 * StartEngagementFromOpportunityTask without its client token (the start policy owns tokens). The same record asks
 * to accept or reject an AWS referral ({@link #acceptInvitation}, {@link #rejectInvitation}): then its subject, kept
 * in {@code opportunityId}, is the engagement invitation's id ({@code engi-…}).
 *
 * @param visibility      null leaves the service default (Full)
 * @param kind            what the task does; null (requests saved before kinds existed) means from an opportunity
 * @param rejectionReason why the rep rejects an invitation (RejectEngagementInvitation's RejectionReason), else null
 */
public record StartEngagementRequest(
        Catalog catalog,
        String opportunityId,
        InvolvementType involvementType,
        Visibility visibility,
        List<Tag> tags,
        TaskKind kind,
        String rejectionReason) {

    /** An engagement from an opportunity. */
    public StartEngagementRequest(Catalog catalog, String opportunityId, InvolvementType involvementType,
                                  Visibility visibility, List<Tag> tags) {
        this(catalog, opportunityId, involvementType, visibility, tags, null, null);
    }

    /** Accepting the AWS referral {@code invitationId} (AWS referrals are co-sell, fully visible). */
    public static StartEngagementRequest acceptInvitation(Catalog catalog, String invitationId, List<Tag> tags) {
        return new StartEngagementRequest(catalog, invitationId, InvolvementType.CO_SELL, Visibility.FULL, tags,
                TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION, null);
    }

    /** Rejecting the AWS referral {@code invitationId}, with the rep's reason (null: none given). */
    public static StartEngagementRequest rejectInvitation(Catalog catalog, String invitationId, String reason) {
        return new StartEngagementRequest(catalog, invitationId, InvolvementType.CO_SELL, Visibility.FULL, List.of(),
                TaskKind.REJECT_INVITATION, reason);
    }

    /** The engagement invitation this request answers, or null for an engagement from an opportunity. */
    public String invitationId() {
        return kind != null && kind != TaskKind.ENGAGEMENT_FROM_OPPORTUNITY ? opportunityId : null;
    }

    public StartEngagementRequest {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(involvementType, "involvementType");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }
}
