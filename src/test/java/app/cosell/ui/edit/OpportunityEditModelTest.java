package app.cosell.ui.edit;

import app.cosell.engagement.StartGuard;
import app.cosell.model.Catalog;
import app.cosell.model.EditScope;
import app.cosell.model.EditableField;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.Money;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityUpdate;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Solution;
import app.cosell.model.Stage;
import app.cosell.model.StartVerdict;
import app.cosell.ui.common.Background;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpportunityEditModelTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-12-01T11:00:00Z");

    static Opportunity record(String website, String title, ReviewStatus review, Instant modified) {
        return new Opportunity("O20000005", "arn", Catalog.Sandbox, "CRM-5",
                new Opportunity.Customer("Example Corp", "Software and Internet", null, website, "US", "10001",
                        "New York", "New York", "1 Main St"),
                new Opportunity.Project(title, "The customer needs to move analytics to the cloud quickly.",
                        "Migration / Database Migration", List.of("SaaS or PaaS"),
                        List.of(new Money(new BigDecimal("12500"), "USD")), null),
                new Opportunity.LifeCycle(Stage.QUALIFIED, "Qualified", review, review.wire(), TODAY.plusMonths(3),
                        null, null, null),
                "Net New Business", "Partner Referral", "No", "None", List.of("Co-Sell - Technical Consultation"),
                List.of("S-0000001"), T1, modified);
    }

    /** The service side as the editor sees it: a queue of answers to load and save. */
    static final class Service implements OpportunityEditModel.Services {
        final Deque<Opportunity> loads = new ArrayDeque<>();
        final Deque<Object> saves = new ArrayDeque<>();
        final List<OpportunityUpdate> sent = new ArrayList<>();

        @Override public Opportunity load(String id) { return loads.size() > 1 ? loads.pop() : loads.peek(); }

        @Override public Opportunity save(OpportunityUpdate update) {
            sent.add(update);
            Object next = saves.pop();
            if (next instanceof RuntimeException e) throw e;
            return (Opportunity) next;
        }

        @Override public List<Solution> solutions() { return List.of(new Solution("S-0000001", "Data", "Active", "Software")); }

        @Override public StartVerdict verdict(Opportunity o) { return new StartGuard().decide(o, false, TODAY); }
    }

    private static OpportunityEditModel open(Service s, EditScope scope) {
        OpportunityEditModel m = new OpportunityEditModel(s, Background.DIRECT, "O20000005", scope, () -> TODAY);
        m.load();
        return m;
    }

    @Test
    void enteringTheMissingWebsiteSavesOnlyThatFieldAndThenStartIsReady() {
        Service s = new Service();
        s.loads.add(record(null, "Data platform", ReviewStatus.PENDING_SUBMISSION, T1));
        s.saves.add(record("https://example.com", "Data platform", ReviewStatus.PENDING_SUBMISSION, T2));
        OpportunityEditModel m = open(s, EditScope.focus(EditableField.WEBSITE));

        assertThat(m.focusField()).isEqualTo(EditableField.WEBSITE);
        assertThat(m.isHighlighted(EditableField.WEBSITE)).isTrue();
        assertThat(m.verdictProperty().get().isBlocked()).isTrue();
        assertThat(m.canSaveProperty().get()).isFalse();

        m.text(EditableField.WEBSITE).set("https://example.com");
        assertThat(m.touchedProperty().get()).containsExactly(EditableField.WEBSITE);
        assertThat(m.canSaveProperty().get()).isTrue();
        m.save();

        assertThat(s.sent).singleElement().satisfies(u -> {
            assertThat(u.touched()).containsExactly(EditableField.WEBSITE);
            assertThat(u.edited().customer().websiteUrl()).isEqualTo("https://example.com");
            assertThat(u.edited().lastModifiedDate()).isEqualTo(T1);
        });
        assertThat(m.verdictProperty().get().outcome()).isEqualTo(StartVerdict.Outcome.READY);
        assertThat(m.readyToStartProperty().get()).isTrue();
        assertThat(m.touchedProperty().get()).isEmpty();
    }

    @Test
    void fieldsAreCheckedAsTheServiceModelConstrainsThem() {
        Service s = new Service();
        s.loads.add(record(null, "Data platform", ReviewStatus.PENDING_SUBMISSION, T1));
        OpportunityEditModel m = open(s, EditScope.all());

        m.text(EditableField.WEBSITE).set("not a site");
        m.text(EditableField.STATE).set("NY");
        m.text(EditableField.EXPECTED_SPEND).set("12,5");
        m.text(EditableField.BUSINESS_PROBLEM).set("Too short");

        assertThat(m.errors()).containsOnlyKeys(EditableField.WEBSITE, EditableField.STATE,
                EditableField.EXPECTED_SPEND, EditableField.BUSINESS_PROBLEM);
        assertThat(m.errors().get(EditableField.STATE)).contains("New York");
        assertThat(m.canSaveProperty().get()).isFalse();
        m.text(EditableField.STATE).set("New York");
        assertThat(m.errors()).doesNotContainKey(EditableField.STATE);
    }

    @Test
    void theServicesFieldErrorsGoUnderTheFieldsTheyName() {
        Service s = new Service();
        s.loads.add(record(null, "Data platform", ReviewStatus.PENDING_SUBMISSION, T1));
        s.saves.add(new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException", "bad",
                "BUSINESS_VALIDATION_FAILED", null, List.of(new FieldError("Customer.Account.WebsiteUrl",
                "INVALID_VALUE", "The website is not reachable")), null, null));
        OpportunityEditModel m = open(s, EditScope.all());
        m.text(EditableField.WEBSITE).set("example.org");
        m.save();

        assertThat(m.errors()).containsEntry(EditableField.WEBSITE, "The website is not reachable");
        m.text(EditableField.WEBSITE).set("example.net");
        assertThat(m.errors()).doesNotContainKey(EditableField.WEBSITE);
    }

    @Test
    void aConcurrentEditIsMergedWithoutLosingEitherSide() {
        Service s = new Service();
        Opportunity mine = record(null, "Data platform", ReviewStatus.PENDING_SUBMISSION, T1);
        Opportunity theirs = record(null, "Renamed by a colleague", ReviewStatus.PENDING_SUBMISSION, T2);
        s.loads.add(mine);
        s.loads.add(theirs);
        s.saves.add(new PartnerCentralFailure(FailureKind.CONFLICT, "ConflictException", "changed", null, null,
                List.of(), null, null));
        s.saves.add(record("https://example.com", "Renamed by a colleague", ReviewStatus.PENDING_SUBMISSION,
                Instant.parse("2026-12-01T12:00:00Z")));
        OpportunityEditModel m = open(s, EditScope.all());
        m.text(EditableField.WEBSITE).set("https://example.com");
        m.save();

        assertThat(m.changedByOthers()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(EditableField.TITLE);
            assertThat(c.after()).isEqualTo("Renamed by a colleague");
            assertThat(c.alsoEditedByYou()).isFalse();
        });
        assertThat(m.text(EditableField.WEBSITE).get()).isEqualTo("https://example.com");
        assertThat(m.text(EditableField.TITLE).get()).isEqualTo("Renamed by a colleague");
        assertThat(m.generalErrorProperty().get()).contains("Someone changed");

        m.save();
        assertThat(s.sent).hasSize(2);
        assertThat(s.sent.get(1).touched()).containsExactly(EditableField.WEBSITE);
        assertThat(s.sent.get(1).edited().lastModifiedDate()).isEqualTo(T2);
        assertThat(s.sent.get(1).edited().project().title()).isEqualTo("Renamed by a colleague");
    }

    @Test
    void actionRequiredLeavesOnlyTheListedFieldsEditableAndSubmittedNone() {
        Service s = new Service();
        s.loads.add(record(null, "Data platform", ReviewStatus.ACTION_REQUIRED, T1));
        OpportunityEditModel m = open(s, EditScope.actionRequired(Set.of(EditableField.WEBSITE,
                EditableField.BUSINESS_PROBLEM)));
        assertThat(m.isEditable(EditableField.WEBSITE)).isTrue();
        assertThat(m.isEditable(EditableField.BUSINESS_PROBLEM)).isTrue();
        assertThat(m.isEditable(EditableField.TITLE)).isFalse();
        assertThat(m.isEditable(EditableField.INDUSTRY)).isFalse();
        assertThat(m.isHighlighted(EditableField.BUSINESS_PROBLEM)).isTrue();
        // Even opened on every field, the review status decides.
        OpportunityEditModel all = open(s, EditScope.all());
        assertThat(all.isEditable(EditableField.TITLE)).isFalse();

        Service locked = new Service();
        locked.loads.add(record(null, "Data platform", ReviewStatus.SUBMITTED, T1));
        OpportunityEditModel none = open(locked, EditScope.all());
        for (EditableField f : EditableField.values()) assertThat(none.isEditable(f)).as(f.name()).isFalse();
        assertThat(none.readOnlyReason()).contains("Submitted");
    }
}
