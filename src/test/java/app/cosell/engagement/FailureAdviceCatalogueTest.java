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
        assertThat(catalogue.forReasonCode("OpportunityValidationFailed", null, null).action()).isEqualTo(AdviceAction.OPEN_OPPORTUNITY);
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
        assertThat(catalogue.forReasonCode("SolutionValidationFailed", null, null).action()).isEqualTo(AdviceAction.OPEN_OPPORTUNITY);
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
}
