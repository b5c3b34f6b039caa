package app.cosell.emulator;

import app.cosell.testing.EmulatorExtension;
import java.util.List;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

/**
 * Test helper for other packages' tests: changes opportunities in a running emulator over the real wire
 * (GetOpportunity, then UpdateOpportunity with a new project title), so their LastModifiedDate moves as the
 * service's would.
 */
public final class EmulatorEdits implements AutoCloseable {

    private final PartnerCentralSellingClient client;

    public EmulatorEdits(PartnerCentralEmulator emulator) {
        this.client = EmulatorExtension.clientFor(emulator);
    }

    /** Renames the project of each opportunity (each must be editable: not Submitted, In review or Rejected). */
    public void rename(String catalog, List<String> ids, String title) {
        for (String id : ids) {
            var current = client.getOpportunity(r -> r.catalog(catalog).identifier(id));
            client.updateOpportunity(r -> r.catalog(catalog).identifier(id)
                    .lastModifiedDate(current.lastModifiedDate()).customer(current.customer())
                    .project(current.project().toBuilder().title(title).build())
                    .lifeCycle(current.lifeCycle()).opportunityType(current.opportunityType())
                    .marketing(current.marketing()).primaryNeedsFromAwsWithStrings(current.primaryNeedsFromAwsAsStrings()));
        }
    }

    /** Ids of opportunities an update accepts (review status Pending Submission), oldest ids first. */
    public List<String> editable(String catalog, int count) {
        return client.listOpportunitiesPaginator(r -> r.catalog(catalog).maxResults(100)
                        .lifeCycleReviewStatusWithStrings("Pending Submission"))
                .opportunitySummaries().stream().map(s -> s.id()).limit(count).toList();
    }

    @Override
    public void close() { client.close(); }
}
