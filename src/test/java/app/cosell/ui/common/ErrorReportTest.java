package app.cosell.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.PartnerCentralFailure;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    @Test
    void aServiceFailureReadsInPlainWordsAndItsDetailsCarryWhatSupportNeeds() {
        PartnerCentralFailure f = new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException",
                "1 validation error detected", "REQUEST_VALIDATION_FAILED", "req-123",
                List.of(new FieldError("Catalog", "INVALID_VALUE", "Catalog is not valid")), null, null);

        ErrorReport r = ErrorReport.of("Loading the opportunities", new ExecutionException(f));

        assertThat(r.headline()).isEqualTo("Loading the opportunities");
        assertThat(r.message()).isNotBlank().doesNotContain("Exception");
        assertThat(r.hint()).isNotBlank();
        assertThat(r.details()).contains("ValidationException", "req-123", "REQUEST_VALIDATION_FAILED",
                "Catalog: [INVALID_VALUE] Catalog is not valid", "1 validation error detected");
        assertThat(r.details()).doesNotContain("\tat ").doesNotContain(".java:");
    }

    @Test
    void anUnreachableServiceSaysSoWithoutTheJavaExceptionName() {
        ErrorReport r = ErrorReport.of("Connecting", new ConnectException("Connection refused"));
        assertThat(r.message()).doesNotContain("ConnectException");
        assertThat(r.details()).contains("java.net.ConnectException");
    }

    @Test
    void theSupportCodeIsStableForTheSameKindOfFailureAndCarriesNoMessageText() {
        PartnerCentralFailure a = new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException",
                "Acme's opportunity O1 is bad", "REQUEST_VALIDATION_FAILED", "req-1", List.of(), null, null);
        PartnerCentralFailure b = new PartnerCentralFailure(FailureKind.VALIDATION, "ValidationException",
                "another text entirely", "REQUEST_VALIDATION_FAILED", "req-2", List.of(), null, null);

        assertThat(ErrorReport.code(a)).isEqualTo(ErrorReport.code(new ExecutionException(b))).startsWith("CSC-VALIDATION-")
                .matches("CSC-VALIDATION-[0-9A-F]{4}");
        assertThat(ErrorReport.code(new ConnectException("x"))).isNotEqualTo(ErrorReport.code(a)).startsWith("CSC-IO-");
        assertThat(ErrorReport.of("Loading", a).details()).contains("Support code: " + ErrorReport.code(a));
    }

    @Test
    void copyDetailsCarriesTheLogsTailWhenThereIsOne() {
        ErrorReport r = ErrorReport.of("Loading", new ConnectException("Connection refused"));
        assertThat(ErrorPresenter.supportText(r, "")).isEqualTo("Loading\n" + r.details());
        assertThat(ErrorPresenter.supportText(r, "12:00 WARN x - y")).endsWith("Recent log:\n12:00 WARN x - y");
    }
}
