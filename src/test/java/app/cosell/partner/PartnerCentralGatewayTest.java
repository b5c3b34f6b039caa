package app.cosell.partner;

import app.cosell.emulator.SeededScenario;
import app.cosell.model.Catalog;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySortKey;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.testing.EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gateway over the real SDK client against the emulator: mapping of shapes, filters, paging and failures. */
class PartnerCentralGatewayTest {

    private static final String SUBMITTABLE = SeededScenario.SUBMITTABLE.id("Sandbox");
    private static final String EXISTING_ENGAGEMENT = SeededScenario.EXISTING_ENGAGEMENT.id("Sandbox");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.sandbox().opportunities(40).resetBeforeEach();
    /** The gateway under test: the real SDK client to the emulator, every HTTP attempt counted. */
    static PartnerCentral pc;

    @BeforeAll
    static void gateway() {
        pc = emulator.partnerCentral();
    }

    private List<OpportunitySummary> all(OpportunityQuery q) {
        List<OpportunitySummary> out = new ArrayList<>();
        String token = null;
        do {
            OpportunityPage page = pc.listOpportunities(q, token, 7);
            assertThat(page.opportunities()).hasSizeLessThanOrEqualTo(7);
            out.addAll(page.opportunities());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    @Test
    void pagesThroughEveryOpportunityOnceInTheServiceOrder() {
        List<OpportunitySummary> rows = all(OpportunityQuery.all().sortedBy(OpportunitySortKey.IDENTIFIER, true));

        Set<String> ids = new HashSet<>();
        rows.forEach(r -> assertThat(ids.add(r.id())).as("duplicate " + r.id()).isTrue());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rows).extracting(OpportunitySummary::id).isSortedAccordingTo(
                Comparator.comparingLong(id -> Long.parseLong(id.substring(1))));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.catalog()).isEqualTo(Catalog.Sandbox);
            assertThat(r.stage()).isNotNull();
            assertThat(r.reviewStatus()).as(r.id() + " " + r.reviewStatusRaw()).isNotNull();
        });
    }

    @Test
    void filtersRunOnTheServerIncludingTheLowerCaseInReview() {
        List<OpportunitySummary> inReview = all(OpportunityQuery.all().withReviewStatuses(List.of(ReviewStatus.IN_REVIEW)));
        assertThat(inReview).isNotEmpty().allSatisfy(r -> assertThat(r.reviewStatusRaw()).isEqualTo("In review"));

        List<OpportunitySummary> closed = all(OpportunityQuery.all().withStages(List.of(Stage.CLOSED_LOST)));
        assertThat(closed).isNotEmpty().allSatisfy(r -> assertThat(r.stage()).isEqualTo(Stage.CLOSED_LOST));

        assertThat(all(OpportunityQuery.all().withIdentifiers(List.of(SUBMITTABLE, EXISTING_ENGAGEMENT))))
                .extracting(OpportunitySummary::id).containsExactlyInAnyOrder(SUBMITTABLE, EXISTING_ENGAGEMENT);

        String company = all(OpportunityQuery.all().withIdentifiers(List.of(SUBMITTABLE))).getFirst().customerCompanyName();
        assertThat(all(OpportunityQuery.all().withCompanyNames(List.of(company))))
                .extracting(OpportunitySummary::customerCompanyName).contains(company);
    }

    @Test
    void aListedRowCarriesTheCustomersIndustryAndCityAsTheFullRecordHasThem() {
        OpportunitySummary row = all(OpportunityQuery.all().withIdentifiers(List.of("O20000001"))).getFirst();
        Opportunity o = pc.getOpportunity("O20000001");

        assertThat(row.city()).isNotBlank().isEqualTo(o.customer().city());
        assertThat(row.industry()).isNotBlank()
                .isEqualTo(OpportunitySummary.industryOf(o.customer().industry(), o.customer().otherIndustry()));
        assertThat(OpportunitySummary.of(o, null)).extracting(OpportunitySummary::industry, OpportunitySummary::city)
                .containsExactly(row.industry(), row.city());
    }

    @Test
    void getOpportunityMapsTheFieldsTheReadinessCheckReads() {
        Opportunity o = pc.getOpportunity(SUBMITTABLE);

        assertThat(o.id()).isEqualTo(SUBMITTABLE);
        assertThat(o.catalog()).isEqualTo(Catalog.Sandbox);
        assertThat(o.customer().companyName()).isNotBlank();
        assertThat(o.customer().websiteUrl()).isNotBlank();
        assertThat(o.project().deliveryModels()).isNotEmpty();
        assertThat(o.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.PENDING_SUBMISSION);
        assertThat(o.lifeCycle().targetCloseDate()).isNotNull();
        assertThat(o.relatedSolutionIds()).isNotEmpty();
        assertThat(o.primaryNeedsFromAws()).isNotEmpty();
    }

    @Test
    void aMalformedIdentifierIsAValidationFailureNamingTheField() {
        PartnerCentralFailure f = catchThrowableOfType(PartnerCentralFailure.class, () -> pc.getOpportunity("bad-id"));

        assertThat(f.kind()).isEqualTo(FailureKind.VALIDATION);
        assertThat(f.errorCode()).isEqualTo("ValidationException");
        assertThat(f.reason()).isEqualTo("REQUEST_VALIDATION_FAILED");
        assertThat(f.fieldErrors()).extracting(FieldError::fieldName).contains("Identifier");
        assertThat(f.requestId()).isNotBlank();
    }

    @Test
    void anUnknownOpportunityIsNotFound() {
        PartnerCentralFailure f = catchThrowableOfType(PartnerCentralFailure.class, () -> pc.getOpportunity("O99999999"));

        assertThat(f.kind()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({
            "AccessDeniedException, ACCESS_DENIED, 1",
            "ConflictException, CONFLICT, 1",
            "ServiceQuotaExceededException, QUOTA_EXCEEDED, 1",
            "ResourceNotFoundException, NOT_FOUND, 1",
            "ThrottlingException, THROTTLED, 4",
            "InternalServerException, INTERNAL, 4",
            "ConnectionReset, NETWORK, 4"})
    void everyServiceExceptionBecomesItsFailureKindAfterTheSdkRetries(String fault, FailureKind kind, int sdkAttempts) {
        emulator.emulator().faults().failNext("GetOpportunity", fault, 10);

        PartnerCentralFailure f = catchThrowableOfType(PartnerCentralFailure.class, () -> pc.getOpportunity(SUBMITTABLE));

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(emulator.totalCalls()).as("attempts, SDK retries included").isEqualTo(sdkAttempts);
        assertThat(f.kind().isTransient()).isEqualTo(sdkAttempts > 1);
    }

    @Test
    void theEvidenceReadsShowWhatACompletedTaskCreated() {
        emulator.emulator().setInstant(true);
        var answer = pc.startEngagementTask(new app.cosell.model.StartEngagementRequest(Catalog.Sandbox, SUBMITTABLE,
                app.cosell.model.InvolvementType.CO_SELL, null, List.of()), "gateway-test-token");

        assertThat(pc.tasksById(answer.taskId())).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo(answer.taskId());
            assertThat(t.engagementId()).isEqualTo(answer.engagementId());
        });
        assertThat(pc.tasksForOpportunity(SUBMITTABLE)).extracting(app.cosell.model.TaskAnswer::taskId)
                .containsExactly(answer.taskId());
        assertThat(pc.engagementForOpportunity(SUBMITTABLE)).contains(answer.engagementId());
        assertThat(pc.snapshotOfOpportunity(answer.engagementId(), SUBMITTABLE)).isPresent();
        assertThat(pc.snapshotJobs(answer.engagementId())).extracting(app.cosell.model.ResourceSnapshotJob::id)
                .containsExactly(answer.resourceSnapshotJobId());
        assertThat(pc.sentInvitations(answer.engagementId())).extracting(app.cosell.model.EngagementInvitation::id)
                .containsExactly(answer.engagementInvitationId());
        assertThat(pc.reviewStatus(SUBMITTABLE)).isEqualTo(ReviewStatus.SUBMITTED);
        // The same token again is the same task (what resume relies on).
        assertThat(pc.startEngagementTask(new app.cosell.model.StartEngagementRequest(Catalog.Sandbox, SUBMITTABLE,
                app.cosell.model.InvolvementType.CO_SELL, null, List.of()), "gateway-test-token").taskId())
                .isEqualTo(answer.taskId());
    }

    @Test
    void pagesAreFetchedLazilyAsTheStreamIsConsumed() {
        List<OpportunitySummary> viaPages = pc.pages(OpportunityQuery.all().sortedBy(OpportunitySortKey.IDENTIFIER, true), 7)
                .flatMap(p -> p.opportunities().stream()).toList();
        assertThat(viaPages).isEqualTo(all(OpportunityQuery.all().sortedBy(OpportunitySortKey.IDENTIFIER, true)));

        emulator.resetCounts();
        assertThat(pc.pages(OpportunityQuery.all(), 5).limit(2).count()).isEqualTo(2);
        assertThat(emulator.totalCalls()).isEqualTo(2);
    }
}
