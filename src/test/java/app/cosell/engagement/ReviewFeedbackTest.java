package app.cosell.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewFeedbackTest {

    @Test
    void namesFieldsByTheirApiPath() {
        assertThat(ReviewFeedback.fieldsNamed("Please verify Customer.Account.WebsiteUrl and expand "
                + "Project.CustomerBusinessProblem.")).containsExactly("Customer.Account.WebsiteUrl",
                "Project.CustomerBusinessProblem");
    }

    @Test
    void namesFieldsInAReviewersWords() {
        assertThat(ReviewFeedback.fieldsNamed("The customer website does not resolve; the business problem is "
                + "too short and the close date is unrealistic.")).containsExactly("Customer.Account.WebsiteUrl",
                "LifeCycle.TargetCloseDate", "Project.CustomerBusinessProblem");
    }

    @Test
    void addressMeansEveryAddressFieldAndWordsMustStandAlone() {
        assertThat(ReviewFeedback.fieldsNamed("Customer address is incomplete"))
                .containsExactly("Customer.Account.Address.City", "Customer.Account.Address.CountryCode",
                        "Customer.Account.Address.PostalCode", "Customer.Account.Address.StateOrRegion",
                        "Customer.Account.Address.StreetAddress");
        // "statement" is not "state", "cityscape" is not "city".
        assertThat(ReviewFeedback.fieldsNamed("The statement about the cityscape project is vague")).isEmpty();
    }

    @Test
    void fieldsOutsideTheEditableListAreNotNamed() {
        assertThat(ReviewFeedback.fieldsNamed("Project.Title and Customer.Account.CompanyName look wrong")).isEmpty();
        assertThat(ReviewFeedback.fieldsNamed(null)).isEmpty();
        assertThat(ReviewFeedback.fieldsNamed("  ")).isEmpty();
    }

    @Test
    void editableListIsTheModelsList() {
        assertThat(ReviewFeedback.EDITABLE_UNDER_ACTION_REQUIRED).hasSize(10)
                .contains("PartnerOpportunityIdentifier", "LifeCycle.TargetCloseDate");
    }
}
