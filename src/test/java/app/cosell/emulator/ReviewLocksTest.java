package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.partnercentralselling.model.GetOpportunityResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionErrorCode;

/** UpdateOpportunity as the API reference describes it: replace semantics and the fields a review status locks. */
class ReviewLocksTest {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(40).instant(true).resetBeforeEach();

    private GetOpportunityResponse get(String id) {
        return pc.client().getOpportunity(r -> r.catalog("Sandbox").identifier(id));
    }

    /** The whole record sent back as read (the way the API asks), with {@code change} applied to its builder. */
    private void update(GetOpportunityResponse o,
                        java.util.function.Consumer<
                                software.amazon.awssdk.services.partnercentralselling.model.UpdateOpportunityRequest.Builder>
                                change) {
        pc.client().updateOpportunity(r -> {
            r.catalog("Sandbox").identifier(o.id()).lastModifiedDate(o.lastModifiedDate()).customer(o.customer())
                    .project(o.project()).opportunityType(o.opportunityTypeAsString()).marketing(o.marketing())
                    .primaryNeedsFromAwsWithStrings(o.primaryNeedsFromAwsAsStrings())
                    .nationalSecurity(o.nationalSecurityAsString())
                    .partnerOpportunityIdentifier(o.partnerOpportunityIdentifier())
                    .lifeCycle(o.lifeCycle().toBuilder().reviewStatus((String) null).reviewComments(null)
                            .reviewStatusReason(null).build());
            change.accept(r);
        });
    }

    private GetOpportunityResponse actionRequired(String id) {
        GetOpportunityResponse o = get(id);
        pc.client().updateOpportunity(r -> r.catalog("Sandbox").identifier(id).lastModifiedDate(o.lastModifiedDate())
                .customer(o.customer()).project(o.project()).opportunityType(o.opportunityTypeAsString())
                .marketing(o.marketing()).primaryNeedsFromAwsWithStrings(o.primaryNeedsFromAwsAsStrings())
                .partnerOpportunityIdentifier(o.partnerOpportunityIdentifier())
                .lifeCycle(o.lifeCycle().toBuilder().reviewStatus(ReviewStatus.ACTION_REQUIRED)
                        .reviewComments("Enter the customer website.").build()));
        GetOpportunityResponse now = get(id);
        assertThat(now.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.ACTION_REQUIRED);
        return now;
    }

    @Test
    void omittedFieldsAreClearedAsTheReferenceSays() {
        String id = SeededScenario.SUBMITTABLE.id("Sandbox");
        GetOpportunityResponse o = get(id);
        assertThat(o.marketing()).isNotNull();
        update(o, r -> r.marketing((software.amazon.awssdk.services.partnercentralselling.model.Marketing) null));
        assertThat(get(id).marketing()).isNull();
        assertThat(get(id).customer()).isEqualTo(o.customer());
    }

    @Test
    void actionRequiredLetsTheListedFieldsChangeAndRefusesTheRest() {
        String id = SeededScenario.SUBMITTABLE_SECOND.id("Sandbox");
        GetOpportunityResponse o = actionRequired(id);
        assertThatThrownBy(() -> update(o, r -> r.project(o.project().toBuilder().title("A new title").build())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errorList().getFirst().code()).isEqualTo(ValidationExceptionErrorCode.ACTION_NOT_PERMITTED);
                    assertThat(e.errorList().getFirst().fieldName()).isEqualTo("Project.Title");
                });
        assertThat(get(id).project().title()).isEqualTo(o.project().title());

        // A listed field may change; the update sends the opportunity back into AWS's review.
        update(o, r -> r.customer(o.customer().toBuilder().account(o.customer().account().toBuilder()
                .websiteUrl("https://fixed.example.com").build()).build()));
        GetOpportunityResponse fixed = get(id);
        assertThat(fixed.customer().account().websiteUrl()).isEqualTo("https://fixed.example.com");
        assertThat(fixed.lifeCycle().reviewStatus()).isNotEqualTo(ReviewStatus.ACTION_REQUIRED);
    }

    @Test
    void approvedLocksTheCustomerAndTheTitle() {
        String id = SeededScenario.APPROVED.id("Sandbox");
        GetOpportunityResponse o = get(id);
        assertThat(o.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThatThrownBy(() -> update(o, r -> r.customer(o.customer().toBuilder().account(o.customer().account()
                .toBuilder().companyName("Someone Else Inc").build()).build())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().fieldName())
                        .isEqualTo("Customer.Account.CompanyName"));
        update(o, r -> r.lifeCycle(o.lifeCycle().toBuilder().reviewStatus((String) null).reviewComments(null)
                .reviewStatusReason(null).nextSteps("Call the customer on Monday").build()));
        assertThat(get(id).lifeCycle().nextSteps()).isEqualTo("Call the customer on Monday");
    }
}
