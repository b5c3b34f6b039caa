package app.cosell.ui.engage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.model.Catalog;
import app.cosell.model.EditableField;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.InvolvementType;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StartVerdict;
import app.cosell.model.Tag;
import app.cosell.model.TaskStep;
import app.cosell.model.Visibility;
import app.cosell.ui.progress.Snapshots;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class StartEngagementFormModelTest {

    private final Map<String, FormDraft> saved = new HashMap<>();
    private final FormDrafts drafts = new FormDrafts(Map.of(), all -> { saved.clear(); saved.putAll(all); });

    private StartEngagementFormModel form(Catalog catalog) {
        StartEngagementFormModel f = new StartEngagementFormModel(catalog, "O123", "Acme Corp", "Migration",
                AwsCliText.Target.defaultRegion(), drafts, () -> "token-1");
        f.setVerdicts(StartCheck.NONE.check("O123"));
        return f;
    }

    @Test
    void startWaitsForTheGuardAndStaysDisabledWhenItBlocks() {
        StartEngagementFormModel f = new StartEngagementFormModel(Catalog.Sandbox, "O123", "Acme Corp", "Migration",
                AwsCliText.Target.defaultRegion(), drafts, () -> "token-1");
        Assertions.assertThat(f.canStartProperty().get()).isFalse();
        StartVerdict blocked = new StartVerdict(
                StartVerdict.Outcome.BLOCKED, List.of(new StartVerdict.Reason(
                StartVerdict.Cause.READINESS, "PrimaryNeedsFromAws",
                EditableField.PRIMARY_NEEDS, "readiness.primaryNeedsMissing", List.of())));
        f.setVerdicts(Map.of(InvolvementType.CO_SELL, blocked,
                InvolvementType.FOR_VISIBILITY_ONLY, StartVerdict.ready()));
        Assertions.assertThat(f.canStartProperty().get()).isFalse();
        // Primary needs are a Co-Sell rule: For Visibility Only may start.
        f.involvementTypeProperty().set(InvolvementType.FOR_VISIBILITY_ONLY);
        Assertions.assertThat(f.canStartProperty().get()).isTrue();
    }

    @Test
    void aSecondStartRefusedAsAlreadyInProgressGoesToTheRunningTask() {
        var f = form(Catalog.Sandbox);
        Assertions.assertThat(f.routeOf(new PartnerCentralFailure(
                FailureKind.CONFLICT, "ConflictException",
                "Task task-1 is already in progress for opportunity O123.", null, null, List.of(), null, null)))
                .isEqualTo(StartEngagementFormModel.RefusalRoute.RUNNING_TASK);
        Assertions.assertThat(f.routeOf(PartnerCentralFailure.of(
                FailureKind.VALIDATION, "bad", null))).isEqualTo(StartEngagementFormModel.RefusalRoute.FIELDS);
        Assertions.assertThat(f.routeOf(PartnerCentralFailure.of(
                FailureKind.THROTTLED, "slow", null))).isEqualTo(StartEngagementFormModel.RefusalRoute.PROGRESS);
    }

    @Test
    void aNewFormIsCoSellWithFullVisibilityAndNoTagsAndValid() {
        var f = form(Catalog.Sandbox);

        assertThat(f.involvementTypeProperty().get()).isEqualTo(InvolvementType.CO_SELL);
        assertThat(f.visibilityProperty().get()).isEqualTo(Visibility.FULL);
        assertThat(f.tags()).isEmpty();
        assertThat(f.isValid()).isTrue();
        assertThat(f.canStartProperty().get()).isTrue();
    }

    @Test
    void anEmptyKeyIsReportedOnItsRowAndBlocksStart() {
        var f = form(Catalog.Sandbox);
        var row = f.addTag();

        assertThat(row.keyProblemProperty().get()).isEqualTo(Tag.Problem.KEY_MISSING);
        assertThat(f.canStartProperty().get()).isFalse();

        row.keyProperty().set("team");
        assertThat(row.keyProblemProperty().get()).isNull();
        assertThat(f.canStartProperty().get()).isTrue();
    }

    @Test
    void eachTagRuleIsReportedAsTheRepTypes() {
        var f = form(Catalog.Sandbox);
        var row = f.addTag();

        row.keyProperty().set("k".repeat(129));
        assertThat(row.keyProblemProperty().get()).isEqualTo(Tag.Problem.KEY_TOO_LONG);
        row.keyProperty().set("bad!key");
        assertThat(row.keyProblemProperty().get()).isEqualTo(Tag.Problem.KEY_INVALID_CHARACTERS);
        row.keyProperty().set("ok key");
        row.valueProperty().set("v".repeat(257));
        assertThat(row.valueProblemProperty().get()).isEqualTo(Tag.Problem.VALUE_TOO_LONG);
        row.valueProperty().set("semi;colon");
        assertThat(row.valueProblemProperty().get()).isEqualTo(Tag.Problem.VALUE_INVALID_CHARACTERS);
        row.valueProperty().set("");
        assertThat(row.valueProblemProperty().get()).isNull();
        assertThat(f.isValid()).isTrue();
    }

    @Test
    void aDuplicateKeyIsReportedOnTheLaterRowAndClearsWhenRemoved() {
        var f = form(Catalog.Sandbox);
        var first = f.addTag();
        first.keyProperty().set("env");
        var second = f.addTag();
        second.keyProperty().set("env");

        assertThat(first.keyProblemProperty().get()).isNull();
        assertThat(second.keyProblemProperty().get()).isEqualTo(Tag.Problem.KEY_DUPLICATE);
        assertThat(f.isValid()).isFalse();

        f.removeTag(first);
        assertThat(second.keyProblemProperty().get()).isNull();
        assertThat(f.isValid()).isTrue();
    }

    @Test
    void atMostTwoHundredTagsCanBeAdded() {
        var f = form(Catalog.Sandbox);
        for (int i = 0; i < Tag.MAX_TAGS; i++) f.addTag().keyProperty().set("k" + i);

        assertThat(f.canAddTagProperty().get()).isFalse();
        assertThat(f.isValid()).isTrue();

        f.addTag().keyProperty().set("one-too-many");
        assertThat(f.listProblemProperty().get()).isEqualTo(Tag.Problem.TOO_MANY_TAGS);
        assertThat(f.isValid()).isFalse();
    }

    @Test
    void theRequestCarriesWhatTheFormShows() {
        var f = form(Catalog.Sandbox);
        f.involvementTypeProperty().set(InvolvementType.FOR_VISIBILITY_ONLY);
        f.visibilityProperty().set(Visibility.LIMITED);
        var row = f.addTag();
        row.keyProperty().set("team");
        row.valueProperty().set("East");

        var r = f.request();

        assertThat(r.catalog()).isEqualTo(Catalog.Sandbox);
        assertThat(r.opportunityId()).isEqualTo("O123");
        assertThat(r.involvementType()).isEqualTo(InvolvementType.FOR_VISIBILITY_ONLY);
        assertThat(r.visibility()).isEqualTo(Visibility.LIMITED);
        assertThat(r.tags()).containsExactly(new Tag("team", "East"));
        assertThat(f.cliCommand()).contains("--client-token token-1").contains("--tags Key=team,Value=East");
        assertThat(f.cliInputJson()).contains("\"ClientToken\" : \"token-1\"");
    }

    @Test
    void anInvalidFormBuildsNoRequest() {
        var f = form(Catalog.Sandbox);
        f.addTag();

        assertThatThrownBy(f::request).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSavedDraftComesBackWhenTheFormOpensAgain() {
        var f = form(Catalog.Sandbox);
        f.visibilityProperty().set(Visibility.LIMITED);
        var row = f.addTag();
        row.keyProperty().set("half");
        f.saveDraft();

        var again = form(Catalog.Sandbox);

        assertThat(again.visibilityProperty().get()).isEqualTo(Visibility.LIMITED);
        assertThat(again.tags()).extracting(r -> r.keyProperty().get()).containsExactly("half");
        assertThat(saved).containsKey("Sandbox/O123");
        assertThat(form(Catalog.AWS).tags()).as("drafts are per catalog").isEmpty();

        again.discardDraft();
        assertThat(form(Catalog.Sandbox).tags()).isEmpty();
        assertThat(saved).isEmpty();
    }

    @Test
    void theServicesFieldErrorsLandOnTheNamedFields() {
        var f = form(Catalog.Sandbox);
        f.addTag().keyProperty().set("a");
        var second = f.addTag();
        second.keyProperty().set("b");
        var failure = new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException", "Invalid input",
                "REQUEST_VALIDATION_FAILED", "req-1", List.of(
                        new FieldError("AwsSubmission.InvolvementType", "INVALID_ENUM_VALUE", "Not allowed here"),
                        new FieldError("Tags[1].Value", "INVALID_VALUE", "Bad value"),
                        new FieldError("Tags[1].Key", "INVALID_VALUE", "Bad key"),
                        new FieldError("Identifier", "INVALID_VALUE", "Unknown opportunity")), null, null);

        assertThat(f.applyFailure(failure)).isTrue();

        assertThat(f.involvementServerErrorProperty().get()).isEqualTo("Not allowed here");
        assertThat(second.valueServerErrorProperty().get()).isEqualTo("Bad value");
        assertThat(second.keyServerErrorProperty().get()).isEqualTo("Bad key");
        assertThat(f.generalServerErrorProperty().get()).isEqualTo("Identifier: Unknown opportunity");

        second.keyProperty().set("c");
        assertThat(second.keyServerErrorProperty().get()).as("editing clears the service's verdict").isNull();
        assertThat(second.valueServerErrorProperty().get()).isEqualTo("Bad value");
    }

    @Test
    void theProductionCatalogNeedsAConfirmation() {
        assertThat(form(Catalog.AWS).needsProductionConfirmation()).isTrue();
        assertThat(form(Catalog.Sandbox).needsProductionConfirmation()).isFalse();
    }

    @Test
    void aBusyFormCannotStartAgain() {
        var f = form(Catalog.Sandbox);
        f.busyProperty().set(true);

        assertThat(f.canStartProperty().get()).isFalse();
        assertThat(f.canAddTagProperty().get()).isFalse();
    }

    @Test
    void whyStartIsOffNamesTheFirstThingToFix() {
        var f = form(Catalog.Sandbox);
        assertThat(f.startBlockProperty().get()).as("a valid form may start").isNull();

        f.addTag();
        assertThat(f.startBlockProperty().get()).isEqualTo(
                new StartEngagementFormModel.StartBlock(StartEngagementFormModel.BlockCause.TAG, Tag.Problem.KEY_MISSING, 1));

        f.involvementTypeProperty().set(null);
        assertThat(f.startBlockProperty().get().cause()).isEqualTo(StartEngagementFormModel.BlockCause.INVOLVEMENT);

        f.involvementTypeProperty().set(InvolvementType.CO_SELL);
        f.tags().getFirst().keyProperty().set("team");
        assertThat(f.startBlockProperty().get()).isNull();
    }

    @Test
    void aStartUnderWayIsNotCalledBlocked() {
        var f = form(Catalog.Sandbox);
        f.addTag();
        f.busyProperty().set(true);
        assertThat(f.startBlockProperty().get()).isNull();
        f.busyProperty().set(false);
        assertThat(f.startBlockProperty().get()).isNotNull();
    }

    @Test
    void aBlockedStartOffersTheRunningTaskElseFixItOnTheFirstFieldTheEditorCanFix() {
        StartVerdict.Reason closed = new StartVerdict.Reason(StartVerdict.Cause.CLOSED_LOST, "LifeCycle.Stage", null,
                "guard.closedLost", List.of());
        StartVerdict.Reason needs = new StartVerdict.Reason(StartVerdict.Cause.READINESS, "PrimaryNeedsFromAws",
                EditableField.PRIMARY_NEEDS, "readiness.primaryNeedsMissing", List.of());
        StartVerdict.Reason running = new StartVerdict.Reason(StartVerdict.Cause.TASK_RUNNING, null, null,
                "guard.taskRunning", List.of());

        assertThat(StartEngagementFormModel.BlockedOffer.of(new StartVerdict(StartVerdict.Outcome.BLOCKED,
                List.of(closed, needs)))).isEqualTo(new StartEngagementFormModel.BlockedOffer(false, EditableField.PRIMARY_NEEDS));
        assertThat(StartEngagementFormModel.BlockedOffer.of(new StartVerdict(StartVerdict.Outcome.BLOCKED,
                List.of(needs, running)))).isEqualTo(new StartEngagementFormModel.BlockedOffer(true, null));
        assertThat(StartEngagementFormModel.BlockedOffer.of(new StartVerdict(StartVerdict.Outcome.BLOCKED,
                List.of(closed)))).isEqualTo(new StartEngagementFormModel.BlockedOffer(false, null));
    }

    @Test
    void theServiceTookTheStartOnceItNamedTheTaskAndRefusedItWhenItStoppedWithoutOne() {
        StartEngagementRequest r = Snapshots.REQUEST;
        assertThat(StartEngagementFormModel.answerOf(null, true)).isEqualTo(StartEngagementFormModel.StartAnswer.WAITING);
        assertThat(StartEngagementFormModel.answerOf(Snapshots.requested(r), true))
                .isEqualTo(StartEngagementFormModel.StartAnswer.WAITING);
        assertThat(StartEngagementFormModel.answerOf(Snapshots.requested(r), false))
                .isEqualTo(StartEngagementFormModel.StartAnswer.REFUSED);
        assertThat(StartEngagementFormModel.answerOf(Snapshots.runningAt(TaskStep.GET_OPPORTUNITY), true))
                .isEqualTo(StartEngagementFormModel.StartAnswer.TAKEN);
    }

    @Test
    void aRefusalWithFieldErrorsStaysOnTheFormAndAnyOtherKeepsTheDraftForTheProgressView() {
        var f = form(Catalog.Sandbox);
        f.busyProperty().set(true);
        var invalid = new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException", "Invalid input", null,
                null, List.of(new FieldError("AwsSubmission.Visibility", "INVALID_ENUM_VALUE", "Not allowed")), null, null);

        assertThat(f.refused(invalid)).isEqualTo(StartEngagementFormModel.RefusalRoute.FIELDS);
        assertThat(f.busyProperty().get()).isFalse();
        assertThat(f.visibilityServerErrorProperty().get()).isEqualTo("Not allowed");
        assertThat(saved).isEmpty();

        f.busyProperty().set(true);
        assertThat(f.refused(PartnerCentralFailure.of(FailureKind.THROTTLED, "slow", null)))
                .isEqualTo(StartEngagementFormModel.RefusalRoute.PROGRESS);
        assertThat(f.busyProperty().get()).isFalse();
        assertThat(saved).hasSize(1);

        f.taken();
        assertThat(saved).as("a start the service took needs no draft").isEmpty();
    }
}
