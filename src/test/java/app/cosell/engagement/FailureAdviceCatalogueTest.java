package app.cosell.engagement;

import app.cosell.model.CallFailure;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReasonCode;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class FailureAdviceCatalogueTest {

    final ResourceBundle bundle = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE, Locale.ENGLISH);
    final FailureAdviceCatalogue catalogue = new FailureAdviceCatalogue(bundle);

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyReasonCodeHasItsOwnTextFromTheBundle(ReasonCode code) {
        for (String part : List.of("title", "happened", "todo")) {
            assertThat(bundle.containsKey("advice." + code.name() + "." + part)).as(code + " " + part).isTrue();
        }
        FailureAdvice a = catalogue.forReasonCode(code.name(), "service says no", null);

        assertThat(a.known()).isTrue();
        assertThat(a.field()).isNull();
        assertThat(a.code()).isEqualTo(code.name());
        assertThat(a.title()).isEqualTo(bundle.getString("advice." + code.name() + ".title"));
        assertThat(a.whatToDo()).doesNotContain("{");
        assertThat(a.step()).isEqualTo(code.step());
        assertThat(a.serviceMessage()).isEqualTo("service says no");
    }

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void everyFailureKindHasTextFromTheBundle(FailureKind kind) {
        FailureAdvice a = catalogue.forFailure(PartnerCentralFailure.of(kind, "msg", null));

        assertThat(a.title()).doesNotStartWith("advice.");
        assertThat(a.whatHappened()).doesNotStartWith("advice.");
        assertThat(a.whatToDo()).doesNotStartWith("advice.");
    }

    @Test
    void theActionsFitTheFailure() {
        assertThat(catalogue.forReasonCode("RequestThrottled", null, null).action()).isEqualTo(AdviceAction.WAIT_AND_RETRY);
        assertThat(catalogue.forReasonCode("InternalError", null, null).action()).isEqualTo(AdviceAction.RETRY_WITH_NEW_TOKEN);
        assertThat(catalogue.forReasonCode("OpportunityValidationFailed", null, null).action()).isEqualTo(AdviceAction.FIX_IT);
        assertThat(catalogue.forReasonCode("OpportunityValidationFailed", null, null).retryCanHelp()).isFalse();
        assertThat(catalogue.forReasonCode("ServiceQuotaExceeded", null, null).action()).isEqualTo(AdviceAction.CONTACT_AWS_TEAM);
        assertThat(catalogue.forReasonCode("InvitationAccessDenied", null, null).action()).isEqualTo(AdviceAction.COPY_DIAGNOSTICS);
        assertThat(catalogue.forFailure(PartnerCentralFailure.of(FailureKind.THROTTLED, "slow down", null)).retryCanHelp()).isTrue();
    }

    @Test
    void anUnknownReasonCodeGetsAGenericEntryShowingTheRawCode() {
        FailureAdvice a = catalogue.forReasonCode("QuantumFluxMisaligned", "flux", TaskStep.CREATE_ENGAGEMENT);

        assertThat(a.known()).isFalse();
        assertThat(a.code()).isEqualTo("QuantumFluxMisaligned");
        assertThat(a.title()).contains("QuantumFluxMisaligned");
        assertThat(a.whatHappened()).contains("QuantumFluxMisaligned");
        assertThat(a.step()).isEqualTo(TaskStep.CREATE_ENGAGEMENT);
        assertThat(a.serviceMessage()).isEqualTo("flux");
    }

    @Test
    void anUnknownCodeOfAKnownFamilyGetsThatFamilysAction() {
        assertThat(catalogue.forReasonCode("SolutionAccessDenied", null, null).action()).isEqualTo(AdviceAction.COPY_DIAGNOSTICS);
        assertThat(catalogue.forReasonCode("SolutionValidationFailed", null, null).action()).isEqualTo(AdviceAction.OPEN_IN_PARTNER_CENTRAL);
    }

    @Test
    void validationWithFieldsOffersToFixThemAndNamesTheProfileForSignIn() {
        PartnerCentralFailure v = new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException", "bad",
                "REQUEST_VALIDATION_FAILED", "req-1",
                List.of(new FieldError("Identifier", "INVALID_STRING_FORMAT", "must match O[0-9]+")), null, null);
        FailureAdvice a = catalogue.forFailure(v);
        assertThat(a.action()).isEqualTo(AdviceAction.FIX_FIELDS);
        assertThat(a.fieldErrors()).extracting(FieldError::fieldName).containsExactly("Identifier");

        FailureAdvice s = catalogue.forFailure(new PartnerCentralFailure(FailureKind.SIGN_IN_NEEDED, null, "expired",
                null, null, List.of(), "sales-sso", null));
        assertThat(s.action()).isEqualTo(AdviceAction.SIGN_IN);
        assertThat(s.whatHappened()).contains("sales-sso");
    }

    @Test
    void aTaskGetsAdviceFromItsReasonCodeOrItsCallFailureAndNoneWhenComplete() {
        TaskProgress requested = StepInferenceTest.requested();
        TaskProgress failed = StepInference.apply(requested, new TaskAnswer("task-abcdefghijklm", null, null,
                TaskStatus.FAILED, "FAILED", "O1234567", null, null, null, "EngagementConflict", "exists"), null,
                StepInferenceTest.T0);
        assertThat(catalogue.forTask(failed)).get().satisfies(a -> {
            assertThat(a.code()).isEqualTo("EngagementConflict");
            assertThat(a.step()).isEqualTo(TaskStep.CREATE_ENGAGEMENT);
            assertThat(a.title()).doesNotContain("{");
        });

        TaskProgress refused = requested.withFailure(CallFailure.of(PartnerCentralFailure.of(FailureKind.NOT_FOUND, "no", null)),
                StepInferenceTest.T0);
        assertThat(catalogue.forTask(refused)).get().extracting(FailureAdvice::code).isEqualTo("ResourceNotFoundException");

        TaskProgress complete = StepInference.apply(requested, new TaskAnswer("task-abcdefghijklm", null, null,
                TaskStatus.COMPLETE, "COMPLETE", "O1234567", "eng-abcdefghijklmn", null, null, null, null), null,
                StepInferenceTest.T0);
        assertThat(catalogue.forTask(complete)).isEmpty();
    }

    /** The three exceptions besides the seven service ones that a call can end in: asserted separately. */
    static final java.util.Set<FailureKind> SERVICE_EXCEPTIONS = java.util.EnumSet.of(FailureKind.VALIDATION,
            FailureKind.ACCESS_DENIED, FailureKind.NOT_FOUND, FailureKind.CONFLICT, FailureKind.QUOTA_EXCEEDED,
            FailureKind.THROTTLED, FailureKind.INTERNAL);

    /** Codes whose failure may pass by itself: only these may offer trying again. */
    static final java.util.Set<ReasonCode> TRANSIENT = java.util.EnumSet.of(ReasonCode.RequestThrottled,
            ReasonCode.InternalError, ReasonCode.OpportunitySubmissionFailed);

    @Test
    void noAdviceForAnyOfThe22ReasonCodesOffersAnActionThatCannotHelp() {
        assertThat(ReasonCode.values()).hasSize(22);
        for (ReasonCode code : ReasonCode.values()) {
            for (String message : new String[] {null, "Customer.Account.WebsiteUrl is missing"}) {
                FailureAdvice a = catalogue.forReasonCode(code.name(), message, null);
                String what = code + " / " + message;
                assertThat(a.offered()).as(what).isNotEmpty().doesNotHaveDuplicates();
                assertThat(a.offersRetry()).as(what).isEqualTo(TRANSIENT.contains(code));
                assertThat(a.retryCanHelp()).as(what).isEqualTo(TRANSIENT.contains(code));
                if (code.name().endsWith("Conflict") || code.name().endsWith("ValidationFailed")
                        || code.name().endsWith("AccessDenied")) {
                    assertThat(a.offersRetry()).as(what).isFalse();
                }
                // The editor can only help where the record itself is wrong.
                boolean recordWrong = code == ReasonCode.OpportunityValidationFailed
                        || (message != null && code.name().endsWith("ValidationFailed"));
                assertThat(a.offered().contains(AdviceAction.FIX_IT)).as(what).isEqualTo(recordWrong);
                if (a.offered().contains(AdviceAction.FIX_IT) && message != null) {
                    assertThat(a.field()).as(what).isEqualTo(app.cosell.model.EditableField.WEBSITE);
                    assertThat(a.title()).as(what).contains("Customer website");
                }
                // Nothing the running-task button could show: no start was refused for that.
                assertThat(a.offered()).as(what).doesNotContain(AdviceAction.SHOW_RUNNING_TASK);
                assertThat(a.offered()).as(what).doesNotContain(AdviceAction.SIGN_IN, AdviceAction.CONTACT_AWS_TEAM,
                        AdviceAction.FIX_FIELDS);
                assertThat(a.primary()).as(what).isEqualTo(a.offered().getFirst());
            }
        }
    }

    @Test
    void noAdviceForAnyOfTheSevenExceptionsOffersAnActionThatCannotHelp() {
        for (FailureKind kind : SERVICE_EXCEPTIONS) {
            FailureAdvice a = catalogue.forFailure(PartnerCentralFailure.of(kind, "msg", null));
            assertThat(a.offersRetry()).as(kind.name()).isEqualTo(kind.isTransient());
            assertThat(a.offered()).as(kind.name()).doesNotContain(AdviceAction.FIX_IT, AdviceAction.SHOW_RUNNING_TASK);
            assertThat(a.offered()).as(kind.name()).isNotEmpty().contains(AdviceAction.COPY_DIAGNOSTICS);
        }
        // A validation naming a field the editor has: Fix it on that field, no retry.
        FailureAdvice v = catalogue.forFailure(new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException",
                "bad", "BUSINESS_VALIDATION_FAILED", null, List.of(new FieldError("Customer.Account.Address.StateOrRegion",
                "INVALID_VALUE", "NY is not a state")), null, null));
        assertThat(v.primary()).isEqualTo(AdviceAction.FIX_IT);
        assertThat(v.field()).isEqualTo(app.cosell.model.EditableField.STATE);
        assertThat(v.offersRetry()).isFalse();
        // A second start while the first runs: show that task, never a retry or a generic conflict text.
        FailureAdvice running = catalogue.forFailure(new PartnerCentralFailure(FailureKind.CONFLICT, "ConflictException",
                "Task task-1 is already in progress for opportunity O1.", null, null, List.of(), null, null));
        assertThat(running.offered()).containsExactly(AdviceAction.SHOW_RUNNING_TASK, AdviceAction.COPY_DIAGNOSTICS);
        assertThat(running.title()).isEqualTo("A task is already running for this opportunity \u2014 showing it");
    }

    @Test
    void aFailureAtALaterStepSaysWhatExistsAndThatARerunReusesIt() {
        TaskProgress failed = StepInference.apply(StepInferenceTest.requested(), new TaskAnswer("task-abcdefghijklm",
                null, null, TaskStatus.FAILED, "FAILED", "O1234567", "eng-abcdefghijklmn", "job-abcdefghijklm", null,
                "InvitationValidationFailed", "invitation refused"), null, StepInferenceTest.T0);
        FailureAdvice a = catalogue.forTask(failed).orElseThrow();
        assertThat(a.alreadyCreated()).contains("eng-abcdefghijklmn", "job-abcdefghijklm", "reuses");
        assertThat(a.offered()).containsExactly(AdviceAction.OPEN_IN_PARTNER_CENTRAL, AdviceAction.COPY_DIAGNOSTICS);
    }
}
