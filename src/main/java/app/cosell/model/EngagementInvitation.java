package app.cosell.model;

import java.time.Instant;

/** An invitation the partner sent for an engagement (ListEngagementInvitations, participant SENDER). */
public record EngagementInvitation(String id, String engagementId, String status, Instant invitationDate) {}
