package app.cosell.model;

import java.util.List;
import java.util.Objects;

/**
 * What the rep asks for when starting an engagement from an opportunity: the request of
 * StartEngagementFromOpportunityTask without its client token (the start policy owns tokens).
 *
 * @param visibility null leaves the service default (Full)
 */
public record StartEngagementRequest(
        Catalog catalog,
        String opportunityId,
        InvolvementType involvementType,
        Visibility visibility,
        List<Tag> tags) {

    public StartEngagementRequest {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(involvementType, "involvementType");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }
}
