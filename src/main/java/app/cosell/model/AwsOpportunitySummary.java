package app.cosell.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * AWS's view of a submitted opportunity (GetAwsOpportunitySummary): who at AWS works on it, how AWS rates it, what
 * AWS suggests next and where the deal stands in AWS's own pipeline. Fields the service omits are {@code null};
 * lists are never null.
 *
 * @param awsStage                    {@code LifeCycle.Stage} of the AWS opportunity (AWS's stages, e.g. Seller Engaged)
 * @param involvementType             the involvement AWS records (may differ from what the partner asked for)
 * @param involvementTypeChangeReason why AWS changed the involvement, when it did
 */
public record AwsOpportunitySummary(
        String opportunityId,
        String origin,
        String involvementType,
        String visibility,
        String involvementTypeChangeReason,
        String awsStage,
        LocalDate targetCloseDate,
        String closedLostReason,
        String nextSteps,
        List<NextStep> nextStepsHistory,
        List<AwsTeamMember> team,
        String engagementScore,
        String nextBestActions) {

    public AwsOpportunitySummary {
        nextStepsHistory = List.copyOf(nextStepsHistory == null ? List.of() : nextStepsHistory);
        team = List.copyOf(team == null ? List.of() : team);
    }

    /** One entry of {@code LifeCycle.NextStepsHistory}. */
    public record NextStep(String value, Instant time) {}

    /** One member of AWS's opportunity team ({@code OpportunityTeam[]}); businessTitle e.g. AWSSalesRep. */
    public record AwsTeamMember(String firstName, String lastName, String email, String businessTitle) {
        public String name() {
            String first = firstName == null ? "" : firstName;
            String last = lastName == null ? "" : lastName;
            return (first + " " + last).trim();
        }
    }
}
