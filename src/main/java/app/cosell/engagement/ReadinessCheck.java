package app.cosell.engagement;

import app.cosell.engagement.ReadinessIssue.Severity;
import app.cosell.model.InvolvementType;
import app.cosell.model.Money;
import app.cosell.model.Opportunity;
import app.cosell.model.ReasonCode;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an opportunity against what Partner Central requires before it accepts a submission (API-NOTES section 5:
 * review status, mandatory customer and project fields, close date, solutions) and lists what would probably make
 * StartEngagementFromOpportunityTask fail, with the fix. These are the field rules of {@link StartGuard}, which turns
 * the WILL_FAIL ones into a blocked start; MAY_FAIL and NOTE findings only warn.
 */
public final class ReadinessCheck {

    private static final Pattern US_STATE_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final int PROBLEM_MIN = 20;
    private static final int PROBLEM_MAX = 2000;

    /** Checks assuming a Co-Sell submission. */
    public List<ReadinessIssue> check(Opportunity o, LocalDate today) {
        return check(o, InvolvementType.CO_SELL, today);
    }

    public List<ReadinessIssue> check(Opportunity o, InvolvementType involvement, LocalDate today) {
        List<ReadinessIssue> out = new ArrayList<>();
        Opportunity.LifeCycle lc = o.lifeCycle();
        ReviewStatus review = lc == null ? null : lc.reviewStatus();
        if (review != null && !review.acceptsSubmission()) {
            out.add(issue("LifeCycle.ReviewStatus", "readiness.notSubmittable", ReasonCode.OpportunityConflict,
                    Severity.WILL_FAIL, lc.reviewStatusRaw()));
        }

        Opportunity.Customer c = o.customer();
        if (c == null || blank(c.companyName()))
            out.add(issue("Customer.Account.CompanyName", "readiness.companyMissing", Severity.WILL_FAIL));
        if (c == null || blank(c.industry())) {
            out.add(issue("Customer.Account.Industry", "readiness.industryMissing", Severity.WILL_FAIL));
        } else if (c.industry().equals("Other") && blank(c.otherIndustry())) {
            out.add(issue("Customer.Account.OtherIndustry", "readiness.otherIndustryMissing", Severity.WILL_FAIL));
        }
        boolean nationalSecurity = "Yes".equals(o.nationalSecurity());
        if ((c == null || blank(c.websiteUrl())) && !nationalSecurity)
            out.add(issue("Customer.Account.WebsiteUrl", "readiness.websiteMissing", Severity.WILL_FAIL));
        if (nationalSecurity && (c == null || !"Government".equals(c.industry())))
            out.add(issue("NationalSecurity", "readiness.nationalSecurityNotGovernment", Severity.WILL_FAIL));
        if (c == null || blank(c.countryCode())) {
            out.add(issue("Customer.Account.Address.CountryCode", "readiness.countryMissing", Severity.WILL_FAIL));
        } else {
            if (blank(c.postalCode()))
                out.add(issue("Customer.Account.Address.PostalCode", "readiness.postalCodeMissing", Severity.WILL_FAIL));
            if (c.countryCode().equals("US")) {
                if (blank(c.stateOrRegion()))
                    out.add(issue("Customer.Account.Address.StateOrRegion", "readiness.stateMissing", Severity.WILL_FAIL));
                else if (US_STATE_CODE.matcher(c.stateOrRegion().strip()).matches())
                    out.add(issue("Customer.Account.Address.StateOrRegion", "readiness.stateAbbreviated",
                            ReasonCode.OpportunityValidationFailed, Severity.WILL_FAIL, c.stateOrRegion().strip()));
            }
        }

        Opportunity.Project p = o.project();
        if (p == null || blank(p.title()))
            out.add(issue("Project.Title", "readiness.titleMissing", Severity.WILL_FAIL));
        String problem = p == null ? null : p.customerBusinessProblem();
        if (blank(problem)) {
            out.add(issue("Project.CustomerBusinessProblem", "readiness.problemMissing", Severity.WILL_FAIL));
        } else if (problem.strip().length() < PROBLEM_MIN || problem.length() > PROBLEM_MAX) {
            out.add(issue("Project.CustomerBusinessProblem", "readiness.problemLength", ReasonCode.OpportunityValidationFailed,
                    Severity.WILL_FAIL, String.valueOf(problem.strip().length()), String.valueOf(PROBLEM_MIN),
                    String.valueOf(PROBLEM_MAX)));
        }
        if (p == null || blank(p.customerUseCase()))
            out.add(issue("Project.CustomerUseCase", "readiness.useCaseMissing", Severity.WILL_FAIL));
        if (p == null || p.deliveryModels().isEmpty())
            out.add(issue("Project.DeliveryModels", "readiness.deliveryModelsMissing", Severity.WILL_FAIL));
        if (p == null || p.expectedCustomerSpend().isEmpty()) {
            // The model lets the list be empty, but submissions without it are refused (API-NOTES §5): a blocker.
            out.add(issue("Project.ExpectedCustomerSpend", "readiness.spendMissing", Severity.WILL_FAIL));
        } else {
            for (Money m : p.expectedCustomerSpend()) {
                if (m.currencyCode() != null && !m.currencyCode().equals("USD")) {
                    out.add(issue("Project.ExpectedCustomerSpend.CurrencyCode", "readiness.spendNotUsd",
                            ReasonCode.OpportunityValidationFailed, Severity.WILL_FAIL, m.currencyCode()));
                    break;
                }
            }
        }

        Stage stage = lc == null ? null : lc.stage();
        if (stage == null) {
            out.add(issue("LifeCycle.Stage", "readiness.stageMissing", Severity.WILL_FAIL));
        } else if (stage == Stage.CLOSED_LOST) {
            out.add(issue("LifeCycle.Stage", "readiness.closedLost", ReasonCode.OpportunityConflict, Severity.WILL_FAIL));
        } else if (stage == Stage.PROSPECT) {
            out.add(issue("LifeCycle.Stage", "readiness.prospect", ReasonCode.OpportunityValidationFailed, Severity.NOTE));
        }
        LocalDate close = lc == null ? null : lc.targetCloseDate();
        if (close == null)
            out.add(issue("LifeCycle.TargetCloseDate", "readiness.closeDateMissing", Severity.WILL_FAIL));
        else if (close.isBefore(today))
            out.add(issue("LifeCycle.TargetCloseDate", "readiness.closeDatePast", ReasonCode.OpportunityValidationFailed,
                    Severity.WILL_FAIL, close.toString()));

        if (blank(o.opportunityType()))
            out.add(issue("OpportunityType", "readiness.typeMissing", Severity.WILL_FAIL));
        if (involvement == InvolvementType.CO_SELL && o.primaryNeedsFromAws().isEmpty())
            out.add(issue("PrimaryNeedsFromAws", "readiness.primaryNeedsMissing", Severity.WILL_FAIL));
        if (blank(o.marketingSource()))
            // Observed: REQUIRED_FIELD_MISSING at submission without it (API-NOTES §5): a blocker.
            out.add(issue("Marketing.Source", "readiness.marketingSourceMissing", Severity.WILL_FAIL));
        if (o.origin() != null && o.catalog() != null && o.catalog().isProduction() && !o.origin().equals("Partner Referral"))
            out.add(issue("Origin", "readiness.originNotPartnerReferral", ReasonCode.OpportunityValidationFailed,
                    Severity.WILL_FAIL, o.origin()));
        if (o.relatedSolutionIds().isEmpty() && (p == null || blank(p.otherSolutionDescription())))
            out.add(issue("RelatedEntityIdentifiers.Solutions", "readiness.solutionMissing", Severity.WILL_FAIL));
        return out;
    }

    private static ReadinessIssue issue(String field, String problem, Severity severity) {
        return new ReadinessIssue(field, problem, List.of(field), ReasonCode.OpportunityValidationFailed, severity);
    }

    private static ReadinessIssue issue(String field, String problem, ReasonCode code, Severity severity, String... args) {
        List<String> all = new ArrayList<>();
        all.add(field);
        all.addAll(List.of(args));
        return new ReadinessIssue(field, problem, all, code, severity);
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
