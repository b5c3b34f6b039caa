package app.cosell.partner;

import app.cosell.model.Catalog;
import app.cosell.model.EditableField;
import app.cosell.model.FailureKind;
import app.cosell.model.Money;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityUpdate;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.Solution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.Account;
import software.amazon.awssdk.services.partnercentralselling.model.Address;
import software.amazon.awssdk.services.partnercentralselling.model.Customer;
import software.amazon.awssdk.services.partnercentralselling.model.ExpectedCustomerSpend;
import software.amazon.awssdk.services.partnercentralselling.model.GetOpportunityResponse;
import software.amazon.awssdk.services.partnercentralselling.model.LifeCycle;
import software.amazon.awssdk.services.partnercentralselling.model.ListSolutionsResponse;
import software.amazon.awssdk.services.partnercentralselling.model.Marketing;
import software.amazon.awssdk.services.partnercentralselling.model.Project;
import software.amazon.awssdk.services.partnercentralselling.model.UpdateOpportunityRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * UpdateOpportunity done the way the API asks: read the current record (GetOpportunity, in the SDK's own shapes, so
 * every member — including ones this app's model does not know — goes back unchanged), replace only the fields the
 * rep touched, and send it with the {@code LastModifiedDate} the rep's copy was read at. Plus ListSolutions and
 * AssociateOpportunity for the linked solution.
 */
final class OpportunityWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OpportunityWriter.class);

    /** The gateway's error mapping around one SDK call. */
    interface Caller {
        <T> T call(String operation, Supplier<T> call);
    }

    private OpportunityWriter() {}

    static Opportunity update(PartnerCentralSellingClient client, Catalog catalog, OpportunityUpdate update,
                              Caller caller, Function<String, Opportunity> reread) {
        Opportunity e = update.edited();
        Set<EditableField> touched = update.touched();
        GetOpportunityResponse fresh = caller.call("GetOpportunity",
                () -> client.getOpportunity(b -> b.catalog(catalog.wire()).identifier(e.id())));
        if (e.lastModifiedDate() != null && !e.lastModifiedDate().equals(fresh.lastModifiedDate())) {
            // Someone changed it since the rep read it: the service would refuse; say so without sending.
            throw new PartnerCentralFailure(FailureKind.CONFLICT, "ConflictException", "Opportunity " + e.id()
                    + " was modified at " + fresh.lastModifiedDate() + ", after it was read at " + e.lastModifiedDate()
                    + ".", "STALE_COPY", null, List.of(), null, null);
        }
        Set<EditableField> fields = new java.util.HashSet<>(touched);
        fields.remove(EditableField.SOLUTION);
        if (!fields.isEmpty()) {
            UpdateOpportunityRequest request = request(catalog, fresh, e, fields);
            caller.call("UpdateOpportunity", () -> client.updateOpportunity(request));
            LOG.info("Updated opportunity {} ({} fields)", e.id(), fields.size());
        }
        if (touched.contains(EditableField.SOLUTION)) {
            List<String> linked = fresh.relatedEntityIdentifiers() == null
                    || !fresh.relatedEntityIdentifiers().hasSolutions() ? List.of()
                    : fresh.relatedEntityIdentifiers().solutions();
            for (String s : e.relatedSolutionIds()) {
                if (!linked.contains(s)) associateSolution(client, catalog, e.id(), s, caller);
            }
        }
        return reread.apply(e.id());
    }

    /** The whole current record, read-only members left out, with the touched fields replaced by the rep's values. */
    static UpdateOpportunityRequest request(Catalog catalog, GetOpportunityResponse fresh, Opportunity e,
                                            Set<EditableField> touched) {
        UpdateOpportunityRequest.Builder b = UpdateOpportunityRequest.builder()
                .catalog(catalog.wire()).identifier(fresh.id()).lastModifiedDate(fresh.lastModifiedDate())
                .nationalSecurity(fresh.nationalSecurityAsString())
                .partnerOpportunityIdentifier(touched.contains(EditableField.PARTNER_OPPORTUNITY_ID)
                        ? blankToNull(e.partnerOpportunityIdentifier()) : fresh.partnerOpportunityIdentifier())
                .opportunityType(fresh.opportunityTypeAsString())
                .softwareRevenue(fresh.softwareRevenue());
        List<String> needs = touched.contains(EditableField.PRIMARY_NEEDS) ? e.primaryNeedsFromAws()
                : fresh.hasPrimaryNeedsFromAws() ? fresh.primaryNeedsFromAwsAsStrings() : null;
        if (needs != null) b.primaryNeedsFromAwsWithStrings(needs);
        b.customer(customer(fresh.customer(), e.customer(), touched));
        b.project(project(fresh.project(), e.project(), touched));
        b.marketing(marketing(fresh.marketing(), e.marketing(), touched));
        b.lifeCycle(lifeCycle(fresh.lifeCycle(), e.lifeCycle(), touched));
        return b.build();
    }

    private static Customer customer(Customer fresh, Opportunity.Customer c, Set<EditableField> t) {
        Customer.Builder cb = fresh == null ? Customer.builder() : fresh.toBuilder();
        Account acc = fresh == null ? null : fresh.account();
        Account.Builder ab = acc == null ? Account.builder() : acc.toBuilder();
        Address addr = acc == null ? null : acc.address();
        Address.Builder db = addr == null ? Address.builder() : addr.toBuilder();
        boolean account = false;
        boolean address = false;
        if (c == null) c = new Opportunity.Customer(null, null, null, null, null, null, null, null, null);
        if (t.contains(EditableField.COMPANY_NAME)) { ab.companyName(blankToNull(c.companyName())); account = true; }
        if (t.contains(EditableField.WEBSITE)) { ab.websiteUrl(blankToNull(c.websiteUrl())); account = true; }
        if (t.contains(EditableField.INDUSTRY)) { ab.industry(blankToNull(c.industry())); account = true; }
        if (t.contains(EditableField.OTHER_INDUSTRY)) { ab.otherIndustry(blankToNull(c.otherIndustry())); account = true; }
        if (t.contains(EditableField.COUNTRY)) { db.countryCode(blankToNull(c.countryCode())); address = true; }
        if (t.contains(EditableField.STATE)) { db.stateOrRegion(blankToNull(c.stateOrRegion())); address = true; }
        if (t.contains(EditableField.POSTAL_CODE)) { db.postalCode(blankToNull(c.postalCode())); address = true; }
        if (t.contains(EditableField.CITY)) { db.city(blankToNull(c.city())); address = true; }
        if (t.contains(EditableField.STREET)) { db.streetAddress(blankToNull(c.streetAddress())); address = true; }
        if (address) ab.address(db.build());
        if (account || address) cb.account(ab.build());
        return fresh == null && !(account || address) ? null : cb.build();
    }

    private static Project project(Project fresh, Opportunity.Project p, Set<EditableField> t) {
        Project.Builder b = fresh == null ? Project.builder() : fresh.toBuilder();
        boolean changed = false;
        if (p == null) p = new Opportunity.Project(null, null, null, List.of(), List.of(), null);
        if (t.contains(EditableField.TITLE)) { b.title(blankToNull(p.title())); changed = true; }
        if (t.contains(EditableField.BUSINESS_PROBLEM)) {
            b.customerBusinessProblem(blankToNull(p.customerBusinessProblem()));
            changed = true;
        }
        if (t.contains(EditableField.USE_CASE)) { b.customerUseCase(blankToNull(p.customerUseCase())); changed = true; }
        if (t.contains(EditableField.DELIVERY_MODELS)) { b.deliveryModelsWithStrings(p.deliveryModels()); changed = true; }
        if (t.contains(EditableField.EXPECTED_SPEND)) {
            List<ExpectedCustomerSpend> was = fresh == null || !fresh.hasExpectedCustomerSpend() ? List.of()
                    : fresh.expectedCustomerSpend();
            List<ExpectedCustomerSpend> spend = new ArrayList<>();
            for (int i = 0; i < p.expectedCustomerSpend().size(); i++) {
                Money m = p.expectedCustomerSpend().get(i);
                // Keep what the rep cannot see (frequency, estimation URL) of the item edited in place.
                ExpectedCustomerSpend.Builder s = i < was.size() ? was.get(i).toBuilder()
                        : ExpectedCustomerSpend.builder().frequency("Monthly").targetCompany("AWS");
                spend.add(s.amount(m.amount() == null ? null : m.amount().toPlainString())
                        .currencyCode(m.currencyCode() == null ? "USD" : m.currencyCode()).build());
            }
            b.expectedCustomerSpend(spend);
            changed = true;
        }
        return fresh == null && !changed ? null : b.build();
    }

    private static Marketing marketing(Marketing fresh, Opportunity.Marketing m, Set<EditableField> t) {
        Marketing.Builder b = fresh == null ? Marketing.builder() : fresh.toBuilder();
        boolean changed = false;
        if (m == null) m = new Opportunity.Marketing(null, null, null, List.of(), List.of());
        if (t.contains(EditableField.MARKETING_SOURCE)) { b.source(blankToNull(m.source())); changed = true; }
        if (t.contains(EditableField.CAMPAIGN_NAME)) { b.campaignName(blankToNull(m.campaignName())); changed = true; }
        if (t.contains(EditableField.AWS_FUNDING_USED)) { b.awsFundingUsed(blankToNull(m.awsFundingUsed())); changed = true; }
        return fresh == null && !changed ? null : b.build();
    }

    private static LifeCycle lifeCycle(LifeCycle fresh, Opportunity.LifeCycle l, Set<EditableField> t) {
        // ReviewStatus, its comments and reason, and the next-steps history are AWS's: never sent back.
        LifeCycle.Builder b = fresh == null ? LifeCycle.builder() : fresh.toBuilder();
        b.reviewStatus((String) null).reviewComments(null).reviewStatusReason(null).nextStepsHistory((List) null);
        boolean changed = false;
        if (t.contains(EditableField.TARGET_CLOSE_DATE)) {
            b.targetCloseDate(l == null || l.targetCloseDate() == null ? null : l.targetCloseDate().toString());
            changed = true;
        }
        return fresh == null && !changed ? null : b.build();
    }

    static Opportunity.Marketing marketing(Marketing m) {
        if (m == null) return null;
        return new Opportunity.Marketing(m.sourceAsString(), m.campaignName(), m.awsFundingUsedAsString(),
                m.hasChannels() ? m.channelsAsStrings() : List.of(), m.hasUseCases() ? m.useCases() : List.of());
    }

    static List<Solution> listSolutions(PartnerCentralSellingClient client, Catalog catalog, Caller caller) {
        List<Solution> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListSolutionsResponse r = caller.call("ListSolutions", () -> client.listSolutions(b -> b
                    .catalog(catalog.wire()).maxResults(100).nextToken(next).statusWithStrings("Active")));
            for (var s : r.solutionSummaries()) out.add(new Solution(s.id(), s.name(), s.statusAsString(), s.category()));
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    static void associateSolution(PartnerCentralSellingClient client, Catalog catalog, String opportunityId,
                                  String solutionId, Caller caller) {
        Objects.requireNonNull(solutionId, "solutionId");
        caller.call("AssociateOpportunity", () -> client.associateOpportunity(b -> b.catalog(catalog.wire())
                .opportunityIdentifier(opportunityId).relatedEntityType("Solutions")
                .relatedEntityIdentifier(solutionId)));
        LOG.info("Linked solution {} with opportunity {}", solutionId, opportunityId);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
