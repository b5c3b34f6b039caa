package app.cosell.emulator;

import java.util.List;

/**
 * The six steps of StartEngagementFromOpportunityTask, in order, and the reason codes each step can fail
 * with. This is the emulator's one copy of the step/reason-code mapping; the app keeps the same mapping in
 * its model package, and the two must agree. Codes that may occur at any step (quota, throttling, internal)
 * are listed in {@link #ANY_STEP}.
 */
enum TaskStep {
    GET_OPPORTUNITY("GetOpportunity", List.of("OpportunityAccessDenied", "OpportunityValidationFailed")),
    CREATE_ENGAGEMENT("CreateEngagement", List.of("EngagementAccessDenied", "EngagementValidationFailed",
            "EngagementConflict", "ContextNotFound", "CustomerProjectContextNotPermitted",
            "DisqualifiedLeadNotPermitted")),
    CREATE_RESOURCE_SNAPSHOT("CreateResourceSnapshot", List.of("ResourceSnapshotAccessDenied",
            "ResourceSnapshotValidationFailed", "ResourceSnapshotConflict")),
    CREATE_RESOURCE_SNAPSHOT_JOB("CreateResourceSnapshotJob", List.of("ResourceSnapshotJobAccessDenied",
            "ResourceSnapshotJobValidationFailed", "ResourceSnapshotJobConflict")),
    CREATE_ENGAGEMENT_INVITATION("CreateEngagementInvitation", List.of("InvitationAccessDenied",
            "InvitationValidationFailed", "EngagementInvitationConflict")),
    SUBMIT_OPPORTUNITY("SubmitOpportunity", List.of("OpportunityConflict", "OpportunitySubmissionFailed"));

    static final List<String> ANY_STEP = List.of("ServiceQuotaExceeded", "RequestThrottled", "InternalError");

    final String wireName;
    final List<String> reasonCodes;

    TaskStep(String wireName, List<String> reasonCodes) {
        this.wireName = wireName;
        this.reasonCodes = reasonCodes;
    }

    /** Whether the service model lists {@code code} as a ReasonCode. */
    static boolean isListed(String code) {
        if (ANY_STEP.contains(code)) {
            return true;
        }
        for (TaskStep step : values()) {
            if (step.reasonCodes.contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** The step a reason code belongs to; codes valid at any step map to null. */
    static TaskStep ofReasonCode(String code) {
        for (TaskStep step : values()) {
            if (step.reasonCodes.contains(code)) {
                return step;
            }
        }
        if (ANY_STEP.contains(code)) {
            return null;
        }
        throw new IllegalArgumentException("unknown ReasonCode " + code);
    }

    static TaskStep ofName(String name) {
        for (TaskStep step : values()) {
            if (step.wireName.equalsIgnoreCase(name) || step.name().equalsIgnoreCase(name)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown step " + name + "; steps are GetOpportunity, CreateEngagement, "
                + "CreateResourceSnapshot, CreateResourceSnapshotJob, CreateEngagementInvitation, SubmitOpportunity");
    }

    /** A plausible service message for a failure with this code, used when a fault forces the code. */
    static String describe(String code, String opportunityId) {
        return switch (code) {
            case "OpportunityAccessDenied" -> "You do not have access to opportunity " + opportunityId + ".";
            case "OpportunityValidationFailed" -> "Opportunity " + opportunityId + " failed validation.";
            case "EngagementAccessDenied" -> "You are not authorized to create an engagement for " + opportunityId + ".";
            case "EngagementValidationFailed" -> "The engagement derived from " + opportunityId + " is not valid: "
                    + "customer project context is incomplete.";
            case "EngagementConflict" -> "A conflicting engagement already exists for " + opportunityId + ".";
            case "ContextNotFound" -> "The engagement context referenced by " + opportunityId + " was not found.";
            case "CustomerProjectContextNotPermitted" -> "A CustomerProject context is not permitted for this "
                    + "engagement.";
            case "DisqualifiedLeadNotPermitted" -> "The engagement's lead is disqualified.";
            case "ResourceSnapshotAccessDenied" -> "You are not authorized to snapshot " + opportunityId + ".";
            case "ResourceSnapshotValidationFailed" -> "The snapshot of " + opportunityId + " failed template "
                    + "validation.";
            case "ResourceSnapshotConflict" -> "A conflicting snapshot revision exists for " + opportunityId + ".";
            case "ResourceSnapshotJobAccessDenied" -> "You are not authorized to create or start the snapshot job.";
            case "ResourceSnapshotJobValidationFailed" -> "The snapshot job request is not valid.";
            case "ResourceSnapshotJobConflict" -> "A snapshot job for this engagement, resource and template "
                    + "already exists.";
            case "InvitationAccessDenied" -> "You are not authorized to invite AWS to this engagement.";
            case "InvitationValidationFailed" -> "The invitation derived from " + opportunityId + " is not valid.";
            case "EngagementInvitationConflict" -> "An invitation for this engagement already exists.";
            case "OpportunityConflict" -> "Opportunity " + opportunityId + " cannot be submitted in its current "
                    + "state.";
            case "OpportunitySubmissionFailed" -> "Submitting opportunity " + opportunityId + " to AWS failed.";
            case "ServiceQuotaExceeded" -> "A service quota was exceeded while processing " + opportunityId + ".";
            case "RequestThrottled" -> "The request was throttled; start a new task later.";
            case "InternalError" -> "An internal error occurred; start a new task later.";
            default -> "The task failed with " + code + ".";
        };
    }
}
