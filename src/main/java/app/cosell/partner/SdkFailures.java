package app.cosell.partner;

import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.PartnerCentralFailure;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.partnercentralselling.model.AccessDeniedException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns SDK exceptions into the app's typed {@link PartnerCentralFailure}s. The one place that knows SDK errors. */
final class SdkFailures {

    private SdkFailures() {}

    static PartnerCentralFailure signInNeeded(String profile, Throwable cause) {
        return new PartnerCentralFailure(FailureKind.SIGN_IN_NEEDED, "SignInNeeded",
                "The IAM Identity Center sign-in of profile " + profile + " is missing or expired",
                null, null, List.of(), profile, cause);
    }

    /**
     * @param profile the AWS profile in use (null for the emulator)
     * @param sso     whether that profile signs in through IAM Identity Center: then a credentials failure means the
     *                rep must sign in again
     */
    static PartnerCentralFailure from(SdkException e, String profile, boolean sso) {
        if (sso && profile != null && endsTheSignIn(e)) return signInNeeded(profile, e);
        if (e instanceof AwsServiceException s) return fromService(s, profile);
        if (e instanceof AbortedException) {
            return PartnerCentralFailure.of(FailureKind.NETWORK, "The call was cancelled", e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new PartnerCentralFailure(FailureKind.NETWORK, "Timeout", e.getMessage(), null, null, List.of(), null, e);
        }
        if (hasCause(e, IOException.class)) {
            return new PartnerCentralFailure(FailureKind.NETWORK, "NetworkError", e.getMessage(), null, null, List.of(), null, e);
        }
        if (e instanceof SdkClientException && profile != null && looksLikeCredentialFailure(e)) {
            if (sso) return signInNeeded(profile, e);
            return new PartnerCentralFailure(FailureKind.UNKNOWN, "CredentialsUnavailable",
                    "No credentials from profile " + profile + ": " + e.getMessage(), null, null, List.of(), profile, e);
        }
        return new PartnerCentralFailure(FailureKind.UNKNOWN, e.getClass().getSimpleName(), e.getMessage(), null, null,
                List.of(), profile, e);
    }

    private static PartnerCentralFailure fromService(AwsServiceException e, String profile) {
        AwsErrorDetails d = e.awsErrorDetails();
        String code = d == null ? null : d.errorCode();
        String message = d != null && d.errorMessage() != null ? d.errorMessage() : e.getMessage();
        FailureKind kind = kindOf(code, e.statusCode());
        String reason = null;
        List<FieldError> fields = new ArrayList<>();
        if (e instanceof ValidationException v) {
            reason = v.reasonAsString();
            if (v.hasErrorList()) v.errorList().forEach(x -> fields.add(new FieldError(x.fieldName(), x.codeAsString(), x.message())));
        } else if (e instanceof AccessDeniedException a) {
            reason = a.reasonAsString();
        }
        // The SDK raises expired/invalid credentials as service errors too (e.g. ExpiredTokenException).
        if (profile != null && code != null && (code.contains("ExpiredToken") || code.equals("UnrecognizedClientException")
                || code.equals("InvalidClientTokenId"))) {
            return signInNeeded(profile, e);
        }
        return new PartnerCentralFailure(kind, code, message, reason, e.requestId(), fields, profile, e);
    }

    /**
     * Whether IAM Identity Center itself refused the cached sign-in while the SDK fetched role credentials: the
     * portal answers UnauthorizedException (401) for a session that was signed out, revoked or expired early, and
     * the OIDC service refuses a refresh token that no longer works. A ForbiddenException (no access to the role)
     * is not a sign-in problem and is left to the usual mapping.
     */
    private static boolean endsTheSignIn(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SsoException s) {
                return s instanceof UnauthorizedException || s.statusCode() == 401;
            }
            if (t instanceof SsoOidcException s) {
                return s instanceof InvalidGrantException || s instanceof ExpiredTokenException
                        || s instanceof software.amazon.awssdk.services.ssooidc.model.UnauthorizedClientException
                        || s.statusCode() == 401;
            }
        }
        return false;
    }

    static FailureKind kindOf(String code, int status) {
        if (code != null) {
            for (FailureKind k : FailureKind.values()) if (code.equals(k.exceptionName())) return k;
            if (code.equals("TooManyRequestsException") || code.contains("Throttl")) return FailureKind.THROTTLED;
        }
        if (status == 429) return FailureKind.THROTTLED;
        if (status >= 500) return FailureKind.INTERNAL;
        if (status == 403) return FailureKind.ACCESS_DENIED;
        if (status == 404) return FailureKind.NOT_FOUND;
        return FailureKind.UNKNOWN;
    }

    private static boolean looksLikeCredentialFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("sso") || m.contains("token") || m.contains("unable to load credentials")
                    || m.contains("credential")) return true;
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t) && !(t instanceof InterruptedIOException && Thread.currentThread().isInterrupted())) return true;
        }
        return false;
    }
}
