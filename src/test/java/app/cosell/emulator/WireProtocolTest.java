package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.partnercentralselling.model.AccessDeniedException;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.InternalServerException;
import software.amazon.awssdk.services.partnercentralselling.model.PartnerCentralSellingException;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.partnercentralselling.model.ThrottlingException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionErrorCode;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionReason;

/** The wire: signing, error shapes, validation, operation routing, quotas, faults and the admin endpoint. */
class WireProtocolTest {

    private static final String ADMIN_TOKEN = "wire-protocol-test-admin-secret";
    private static final Map<String, String> ADMIN = Map.of("Content-Type", "application/json",
            PartnerCentralEmulator.ADMIN_TOKEN_HEADER, ADMIN_TOKEN);

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(30).adminToken(ADMIN_TOKEN)
            .resetBeforeEach();

    private static String json(String text) {
        return text.replace('\'', '"');
    }

    // ---- SigV4 -------------------------------------------------------------------------------------------

    @Test
    void signedSdkCallSucceedsAndCarriesARequestId() {
        var response = pc.client().listSolutions(r -> r.catalog("AWS"));
        assertThat(response.solutionSummaries()).isNotEmpty();
        assertThat(response.responseMetadata().requestId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClient() {
        try (var stranger = pc.newClient("AKIAUNKNOWNKEY000000", pc.secretAccessKey(), RetryMode.LEGACY)) {
            assertThatThrownBy(() -> stranger.listSolutions(r -> r.catalog("AWS")))
                    .isInstanceOfSatisfying(PartnerCentralSellingException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void wrongSecretIsInvalidSignature() {
        try (var forger = pc.newClient(pc.accessKeyId(), "not-the-secret", RetryMode.LEGACY)) {
            assertThatThrownBy(() -> forger.listSolutions(r -> r.catalog("AWS")))
                    .isInstanceOfSatisfying(PartnerCentralSellingException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                                "The request signature we calculated does not match the signature you provided.");
                    });
        }
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() throws Exception {
        var answer = EmulatorClients.post(pc.endpoint(), "/", Map.of("Content-Type",
                "application/x-amz-json-1.0", "X-Amz-Target", "AWSPartnerCentralSelling.ListSolutions"),
                json("{'Catalog':'AWS'}"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        assertThat(answer.header("x-amzn-RequestId")).isNotBlank();
        assertThat(answer.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
    }

    @Test
    void staleSignatureIsExpired() throws Exception {
        Clock twentyMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        var answer = EmulatorClients.signedPost(pc.emulator(), "ListSolutions", json("{'Catalog':'AWS'}"),
                "partnercentral-selling", pc.accessKeyId(), pc.secretAccessKey(), twentyMinutesAgo);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("InvalidSignatureException").contains("Signature expired");
    }

    @Test
    void signatureForAnotherServiceIsRefused() throws Exception {
        var answer = EmulatorClients.signedPost(pc.emulator(), "ListSolutions", json("{'Catalog':'AWS'}"), "s3",
                pc.accessKeyId(), pc.secretAccessKey(), Clock.systemUTC());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("InvalidSignatureException").contains("partnercentral-selling");
    }

    @Test
    void correctlySignedRawRequestGetsAwsJsonWithIsoTimestamps() throws Exception {
        var answer = EmulatorClients.signedPost(pc.emulator(), "ListSolutions", json("{'Catalog':'AWS'}"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        JsonNode body = WireJson.MAPPER.readTree(answer.body());
        assertThat(body.get("SolutionSummaries").get(0).get("CreatedDate").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    @Test
    void pathStyleCallWithPlainJsonWorks() throws Exception {
        var answer = EmulatorClients.signedPost(pc.emulator(), "/GetOpportunity", "GetOpportunity",
                json("{'Catalog':'AWS','Identifier':'O10000001'}"), "partnercentral-selling", pc.accessKeyId(),
                pc.secretAccessKey(), Clock.systemUTC());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(WireJson.MAPPER.readTree(answer.body()).get("Id").asText()).isEqualTo("O10000001");
    }

    @Test
    void unknownTargetIsUnknownOperation() throws Exception {
        var answer = EmulatorClients.signedPost(pc.emulator(), "FlyToTheMoon", "{}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
    }

    @Test
    void modelOperationIsAnsweredOnTheModelsTermsNotJunk() throws Exception {
        // Every operation of the model is emulated now (NewestModelTest checks all 45): an incomplete request is
        // refused by the model's validation, never answered with an empty 200.
        var answer = EmulatorClients.signedPost(pc.emulator(), "PutSellingSystemSettings", "{}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("ValidationException").contains("REQUIRED_FIELD_MISSING");
    }

    @Test
    void malformedJsonIsASerializationError() throws Exception {
        var answer = EmulatorClients.signedPost(pc.emulator(), "ListSolutions", "{not json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("SerializationException");
    }

    // ---- validation --------------------------------------------------------------------------------------

    @Test
    void validationExceptionNamesEachBadField() {
        assertThatThrownBy(() -> pc.client().startEngagementFromOpportunityTask(r -> r.catalog("Sandbox")
                .identifier("X-not-an-id").clientToken("t")
                .awsSubmission(s -> s.involvementType("Co Sell").visibility("Everyone"))
                .tags(software.amazon.awssdk.services.partnercentralselling.model.Tag.builder().key("").value("v")
                        .build())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.REQUEST_VALIDATION_FAILED);
                    assertThat(e.errorList()).extracting(x -> x.fieldName() + "=" + x.codeAsString())
                            .containsExactlyInAnyOrder(
                                    "Identifier=INVALID_STRING_FORMAT",
                                    "AwsSubmission.InvolvementType=INVALID_ENUM_VALUE",
                                    "AwsSubmission.Visibility=INVALID_ENUM_VALUE",
                                    "Tags[0].Key=INVALID_STRING_FORMAT");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("4 validation errors detected");
                });
    }

    @Test
    void missingRequiredMembersAndOutOfRangeValuesAreReported() throws Exception {
        var answer = EmulatorClients.signedPost(pc.emulator(), "ListOpportunities", json("{'MaxResults':101}"));
        JsonNode body = WireJson.MAPPER.readTree(answer.body());

        assertThat(body.get("__type").asText()).isEqualTo("ValidationException");
        assertThat(body.get("Reason").asText()).isEqualTo("REQUEST_VALIDATION_FAILED");
        assertThat(body.get("ErrorList").toString())
                .contains("{\"FieldName\":\"Catalog\",\"Message\":\"Member is required but was not provided\","
                        + "\"Code\":\"REQUIRED_FIELD_MISSING\"}")
                .contains("\"FieldName\":\"MaxResults\"").contains("VALUE_OUT_OF_RANGE");
    }

    @Test
    void listSizesAreChecked() {
        assertThatThrownBy(() -> pc.client().listEngagementFromOpportunityTasks(r -> r.catalog("AWS")
                .opportunityIdentifier("O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9", "O10", "O11")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList()).singleElement()
                        .satisfies(x -> assertThat(x.code()).isEqualTo(ValidationExceptionErrorCode.TOO_MANY_VALUES)));
    }

    @Test
    void unknownCatalogIsRefused() {
        assertThatThrownBy(() -> pc.client().listOpportunities(r -> r.catalog("Production")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("AWS or Sandbox");
    }

    // ---- faults, quotas ----------------------------------------------------------------------------------

    static Stream<Arguments> modeledExceptions() {
        return Stream.of(
                Arguments.of("ThrottlingException", ThrottlingException.class, 429),
                Arguments.of("InternalServerException", InternalServerException.class, 500),
                Arguments.of("AccessDeniedException", AccessDeniedException.class, 403),
                Arguments.of("ServiceQuotaExceededException", ServiceQuotaExceededException.class, 402),
                Arguments.of("ConflictException", ConflictException.class, 409),
                Arguments.of("ResourceNotFoundException", ResourceNotFoundException.class, 404),
                Arguments.of("ValidationException", ValidationException.class, 400));
    }

    @ParameterizedTest
    @MethodSource("modeledExceptions")
    void everyModeledExceptionCanBeInjected(String fault, Class<? extends Throwable> type, int status) {
        pc.emulator().faults().failRandomly("GetOpportunity", fault, 1.0);
        var noRetry = pc.noRetryClient();
        assertThatThrownBy(() -> noRetry.getOpportunity(r -> r.catalog("AWS").identifier("O10000001")))
                .isInstanceOfSatisfying(type, e -> {
                    PartnerCentralSellingException aws = (PartnerCentralSellingException) e;
                    assertThat(aws.statusCode()).isEqualTo(status);
                    assertThat(aws.awsErrorDetails().errorMessage()).contains("(injected fault)");
                    assertThat(aws.requestId()).isNotBlank();
                });
    }

    @Test
    void nextNFaultsThenNormalServiceAndTheSdkRetriesThrough() {
        pc.emulator().faults().failNext("ListSolutions", "InternalServerException", 2);
        var response = pc.client().listSolutions(r -> r.catalog("AWS"));
        assertThat(response.solutionSummaries()).isNotEmpty();
        assertThat(pc.emulator().faults().toJson()).doesNotContain("ListSolutions");
    }

    @Test
    void droppedConnectionIsRetriedBySdk() {
        pc.emulator().faults().failNext("ListSolutions", "ConnectionReset", 1);
        assertThat(pc.client().listSolutions(r -> r.catalog("AWS")).solutionSummaries()).isNotEmpty();
    }

    @Test
    void droppedConnectionSurfacesAsClientErrorWithoutRetries() {
        pc.emulator().faults().failNext("ListSolutions", "reset", 1);
        var noRetry = pc.noRetryClient();
        assertThatThrownBy(() -> noRetry.listSolutions(r -> r.catalog("AWS").maxResults(1)))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void slowAnswerIsDelayed() {
        pc.emulator().faults().slowNext("ListSolutions", Duration.ofMillis(300), 1);
        long started = System.nanoTime();
        pc.client().listSolutions(r -> r.catalog("AWS"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void writeQuotaThrottlesAndSdkRetriesThenSucceed() {
        pc.emulator().setThrottling(true);
        var noRetry = pc.noRetryClient();
        int throttled = 0;
        // The bucket holds BURST tokens and refills one per second: back-to-back calls soon run dry.
        for (int i = 0; i < 30 && throttled == 0; i++) {
            try {
                int n = i;
                noRetry.associateOpportunity(r -> r.catalog("Sandbox").opportunityIdentifier("O20000021")
                        .relatedEntityType("AwsProducts").relatedEntityIdentifier("AmazonEKS" + n));
            } catch (ThrottlingException e) {
                throttled++;
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.isThrottlingException()).isTrue();
            }
        }
        assertThat(throttled).isPositive();
        // The default SDK client backs off on ThrottlingException and gets through once a token refills.
        pc.client().associateOpportunity(r -> r.catalog("Sandbox").opportunityIdentifier("O20000021")
                .relatedEntityType("AwsProducts").relatedEntityIdentifier("AmazonRDS"));
        assertThat(pc.client().getOpportunity(r -> r.catalog("Sandbox").identifier("O20000021"))
                .relatedEntityIdentifiers().awsProducts()).contains("AmazonRDS");
    }

    @Test
    void startTaskQuotaThrottlesAndTheSdkRetriesThrough() {
        pc.emulator().setThrottling(true);
        int throttled = 0;
        var noRetry = pc.noRetryClient();
        for (int i = 0; i < 30 && throttled == 0; i++) {
            String id = "O" + (SeedData.SANDBOX_BASE + 21 + i);
            try {
                noRetry.startEngagementFromOpportunityTask(r -> r.catalog("Sandbox").identifier(id)
                        .clientToken("quota-" + id).awsSubmission(a -> a.involvementType("Co-Sell")));
            } catch (ThrottlingException e) {
                throttled++;
                assertThat(e.awsErrorDetails().errorMessage()).contains("1 request per second");
            }
        }
        assertThat(throttled).isEqualTo(1);
        var started = pc.client().startEngagementFromOpportunityTask(r -> r.catalog("Sandbox").identifier("O20000030")
                .clientToken("quota-retried").awsSubmission(a -> a.involvementType("Co-Sell")));
        assertThat(started.taskId()).startsWith("task-");
        assertThat(started.responseMetadata().requestId()).isNotBlank();
    }

    @Test
    void readsAreNotThrottled() {
        pc.emulator().setThrottling(true);
        for (int i = 0; i < 30; i++) {
            pc.client().getOpportunity(r -> r.catalog("AWS").identifier("O10000001"));
        }
    }

    // ---- admin endpoint ----------------------------------------------------------------------------------

    @Test
    void adminEndpointChangesSettingsAndFaultsWithItsSecretWithoutSigning() throws Exception {
        var settings = EmulatorClients.post(pc.endpoint(), "/_emulator/settings", ADMIN,
                json("{'stepDelayMillis':5,'instant':true,'throttling':false}"));
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).contains("\"stepDelayMillis\":5").contains("\"instant\":true");

        var faults = EmulatorClients.post(pc.endpoint(), "/_emulator/faults", ADMIN,
                json("{'operations':[{'operation':'ListSolutions','fault':'AccessDeniedException','next':1}],"
                        + "'tasks':[{'opportunityId':'O20000002','reasonCode':'EngagementConflict'}]}"));
        assertThat(faults.status()).isEqualTo(200);
        assertThatThrownBy(() -> pc.client().listSolutions(r -> r.catalog("AWS")))
                .isInstanceOf(AccessDeniedException.class);
        var task = pc.client().startEngagementFromOpportunityTask(r -> r.catalog("Sandbox").identifier("O20000002")
                .clientToken("admin-test").awsSubmission(s -> s.involvementType("Co-Sell")));
        assertThat(task.reasonCodeAsString()).isEqualTo("EngagementConflict");

        var bad = EmulatorClients.post(pc.endpoint(), "/_emulator/faults", ADMIN,
                json("{'operations':[{'fault':'Gremlins'}]}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown fault");

        var reset = EmulatorClients.post(pc.endpoint(), "/_emulator/reset", ADMIN, "");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).contains("\"tasks\":0");
        pc.emulator().setInstant(false);
    }
}
