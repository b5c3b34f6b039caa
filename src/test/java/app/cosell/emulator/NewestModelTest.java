package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.testing.EmulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the newest service model (botocore develop 2026-08) has, through raw SigV4-signed requests since
 * SDK 2.40.2 cannot send it: the prospecting tasks, the CreatedDate/TargetCloseDate filters and sorts, the
 * optional ExpectedCustomerSpend.Amount; and the model-wide rules: every operation answers, unknown members and
 * nulls are never stored, numbers beyond their type's range are refused.
 */
class NewestModelTest {

    /** Receiver-side invitation operations, implemented on another branch (referrals); they answer once merged. */
    private static final Set<String> IMPLEMENTED_ELSEWHERE = Set.of("StartEngagementByAcceptingInvitationTask",
            "ListEngagementByAcceptingInvitationTasks", "RejectEngagementInvitation");

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(60).instant(true).resetBeforeEach();

    private record Call(int status, JsonNode body) {
        String type() {
            return body.path("__type").asText();
        }
    }

    private static Call call(String operation, String json) throws Exception {
        var answer = EmulatorClients.signedPost(pc.emulator(), operation, json);
        return new Call(answer.status(), WireJson.MAPPER.readTree(answer.body()));
    }

    private static String engagement(String token, String company) throws Exception {
        Call created = call("CreateEngagement", """
                {"Catalog":"Sandbox","ClientToken":"%s","Title":"Prospects","Contexts":[{"Type":"CustomerProject",
                 "Payload":{"CustomerProject":{"Customer":{"Industry":"Retail","CompanyName":"%s",
                 "WebsiteUrl":"https://www.example.com","CountryCode":"US"}}}}]}""".formatted(token, company));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("Id").asText();
    }

    @Test
    void everyOperationOfTheNewestModelAnswers() throws Exception {
        JsonNode model;
        try (InputStream in = ServiceModel.class.getResourceAsStream("service-2.json")) {
            model = WireJson.MAPPER.readTree(in);
        }
        assertThat(model.at("/metadata/apiVersion").asText()).isEqualTo("2022-07-26");
        List<String> operations = new ArrayList<>();
        model.get("operations").fieldNames().forEachRemaining(operations::add);
        assertThat(operations).hasSize(45).contains("StartProspectingFromEngagementTask");
        List<String> unanswered = new ArrayList<>();
        for (String operation : operations) {
            Call answer = call(operation, "{}");
            // An empty body misses required members: every implemented operation refuses it field by field.
            if (!"ValidationException".equals(answer.type())) {
                unanswered.add(operation + " -> " + answer.type());
            } else {
                assertThat(answer.body().get("ErrorList").get(0).get("Code").asText())
                        .as(operation).isEqualTo("REQUIRED_FIELD_MISSING");
            }
        }
        assertThat(unanswered).allMatch(line -> IMPLEMENTED_ELSEWHERE.contains(line.substring(0, line.indexOf(' '))));
    }

    @Test
    void prospectingTasksAddAProspectingResultToEachEngagementTheyCan() throws Exception {
        String first = engagement("p-1", "Northwind Stores");
        String second = engagement("p-2", "Contoso Travel");
        String start = """
                {"Catalog":"Sandbox","ClientToken":"prospect-1","TaskName":"Q1 retail prospects",
                 "Identifiers":["%s","%s","eng-00000000000000"]}""".formatted(first, second);
        Call started = call("StartProspectingFromEngagementTask", start);
        assertThat(started.status()).isEqualTo(200);
        String taskId = started.body().get("TaskId").asText();
        assertThat(taskId).matches("task-[0-9a-z]{14}");
        assertThat(started.body().get("TaskArn").asText()).matches("arn:aws:partnercentral-selling:us-east-1:"
                + "111122223333:catalog/Sandbox/prospecting-from-engagement-task/" + taskId);
        assertThat(started.body().get("TaskStatus").asText()).isEqualTo("COMPLETED");
        assertThat(started.body().get("TaskName").asText()).isEqualTo("Q1 retail prospects");
        assertThat(started.body().get("Identifiers")).hasSize(3);
        assertThat(call("StartProspectingFromEngagementTask", start).body().get("TaskId").asText()).isEqualTo(taskId);
        Call conflicting = call("StartProspectingFromEngagementTask", start.replace("Q1", "Q2"));
        assertThat(conflicting.type()).isEqualTo("ConflictException");

        Call task = call("GetProspectingFromEngagementTask",
                "{\"Catalog\":\"Sandbox\",\"TaskIdentifier\":\"" + taskId + "\"}");
        assertThat(task.status()).isEqualTo(200);
        assertThat(task.body().get("EndTime").asText()).isNotEmpty();
        JsonNode results = task.body().get("Engagements");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("Status").asText()).isEqualTo("COMPLETED");
        String contextId = results.get(0).get("EngagementContextId").asText();
        assertThat(contextId).matches("ctx-[0-9a-z]{14}");
        assertThat(results.get(2).get("Status").asText()).isEqualTo("FAILED");
        assertThat(results.get(2).has("EngagementContextId")).isFalse();
        assertThat(results.get(2).get("Message").asText()).contains("was not found");

        JsonNode contexts = call("GetEngagement", "{\"Catalog\":\"Sandbox\",\"Identifier\":\"" + first + "\"}")
                .body().get("Contexts");
        JsonNode prospecting = contexts.get(contexts.size() - 1);
        assertThat(prospecting.get("Id").asText()).isEqualTo(contextId);
        assertThat(prospecting.get("Type").asText()).isEqualTo("ProspectingResult");
        assertThat(prospecting.at("/Payload/ProspectingResult/Aws/Customer/AccountName").asText())
                .isEqualTo("Northwind Stores");
        assertThat(prospecting.at("/Payload/ProspectingResult/Aws/TaskId").asText()).isEqualTo(taskId);

        call("StartProspectingFromEngagementTask", """
                {"Catalog":"Sandbox","ClientToken":"prospect-2","TaskName":"A second look","Identifiers":["%s"]}"""
                .formatted(second));
        JsonNode summaries = call("ListProspectingFromEngagementTasks", "{\"Catalog\":\"Sandbox\"}")
                .body().get("TaskSummaries");
        assertThat(summaries).hasSize(2);
        JsonNode summary = summaries.get(1).get("TaskId").asText().equals(taskId) ? summaries.get(1) : summaries.get(0);
        assertThat(summary.get("TotalEngagementCount").asInt()).isEqualTo(3);
        assertThat(summary.get("CompletedEngagementCount").asInt()).isEqualTo(2);
        assertThat(summary.get("FailedEngagementCount").asInt()).isEqualTo(1);
        JsonNode byName = call("ListProspectingFromEngagementTasks", """
                {"Catalog":"Sandbox","Sort":{"SortBy":"TaskName","SortOrder":"ASCENDING"}}""").body().get("TaskSummaries");
        assertThat(byName.get(0).get("TaskName").asText()).isEqualTo("A second look");
        assertThat(call("ListProspectingFromEngagementTasks", """
                {"Catalog":"Sandbox","TaskName":["Q1 retail prospects"]}""").body().get("TaskSummaries")).hasSize(1);
        assertThat(call("ListProspectingFromEngagementTasks", """
                {"Catalog":"Sandbox","StartAfter":"%s"}""".formatted(Instant.now().plusSeconds(60)))
                .body().get("TaskSummaries")).isEmpty();
        Call page = call("ListProspectingFromEngagementTasks", "{\"Catalog\":\"Sandbox\",\"MaxResults\":1}");
        assertThat(page.body().get("TaskSummaries")).hasSize(1);
        String token = page.body().get("NextToken").asText();
        Call next = call("ListProspectingFromEngagementTasks",
                "{\"Catalog\":\"Sandbox\",\"MaxResults\":1,\"NextToken\":\"" + token + "\"}");
        assertThat(next.body().get("TaskSummaries")).hasSize(1);
        assertThat(next.body().has("NextToken")).isFalse();

        Call missing = call("GetProspectingFromEngagementTask",
                "{\"Catalog\":\"Sandbox\",\"TaskIdentifier\":\"task-00000000000000\"}");
        assertThat(missing.type()).isEqualTo("ResourceNotFoundException");
        Call tooLong = call("StartProspectingFromEngagementTask", """
                {"Catalog":"Sandbox","ClientToken":"p-long","TaskName":"%s","Identifiers":[]}""".formatted("n".repeat(129)));
        assertThat(tooLong.type()).isEqualTo("ValidationException");
        assertThat(tooLong.body().at("/ErrorList/0/FieldName").asText()).isEqualTo("TaskName");
        Call badId = call("GetProspectingFromEngagementTask",
                "{\"Catalog\":\"Sandbox\",\"TaskIdentifier\":\"task-0000000000000\"}");
        assertThat(badId.body().at("/ErrorList/0/Code").asText()).isEqualTo("INVALID_STRING_FORMAT");
    }

    @Test
    void opportunitiesFilterAndSortByCreatedDateAndTargetCloseDate() throws Exception {
        JsonNode all = call("ListOpportunities", """
                {"Catalog":"AWS","MaxResults":100,"Sort":{"SortBy":"CreatedDate","SortOrder":"ASCENDING"}}""")
                .body().get("OpportunitySummaries");
        assertThat(all).hasSize(60);
        List<Instant> created = new ArrayList<>();
        all.forEach(o -> created.add(Instant.parse(o.get("CreatedDate").asText())));
        assertThat(created).isSorted();
        Instant middle = created.get(30);
        JsonNode after = call("ListOpportunities", """
                {"Catalog":"AWS","MaxResults":100,"CreatedDate":{"AfterCreatedDate":"%s"}}""".formatted(middle))
                .body().get("OpportunitySummaries");
        assertThat(after).isNotEmpty().hasSizeLessThan(60);
        after.forEach(o -> assertThat(Instant.parse(o.get("CreatedDate").asText())).isAfter(middle));
        JsonNode before = call("ListOpportunities", """
                {"Catalog":"AWS","MaxResults":100,"CreatedDate":{"BeforeCreatedDate":"%s"}}""".formatted(middle))
                .body().get("OpportunitySummaries");
        assertThat(before.size() + after.size()).isLessThan(60);

        JsonNode byClose = call("ListOpportunities", """
                {"Catalog":"AWS","MaxResults":100,"Sort":{"SortBy":"TargetCloseDate","SortOrder":"ASCENDING"}}""")
                .body().get("OpportunitySummaries");
        List<String> dates = new ArrayList<>();
        byClose.forEach(o -> {
            if (o.at("/LifeCycle/TargetCloseDate").isTextual()) {
                dates.add(o.at("/LifeCycle/TargetCloseDate").asText());
            }
        });
        assertThat(dates).isNotEmpty().isSorted();
        String cut = dates.get(dates.size() / 2);
        JsonNode closingBefore = call("ListOpportunities", """
                {"Catalog":"AWS","MaxResults":100,"TargetCloseDate":{"BeforeTargetCloseDate":"%s"}}""".formatted(cut))
                .body().get("OpportunitySummaries");
        assertThat(closingBefore).isNotEmpty();
        closingBefore.forEach(o -> assertThat(o.at("/LifeCycle/TargetCloseDate").asText()).isLessThan(cut));
        Call badDate = call("ListOpportunities", """
                {"Catalog":"AWS","TargetCloseDate":{"AfterTargetCloseDate":"2026-13-01"}}""");
        assertThat(badDate.body().at("/ErrorList/0/FieldName").asText())
                .isEqualTo("TargetCloseDate.AfterTargetCloseDate");
    }

    @Test
    void unknownMembersAndNullsAreNeverStoredOrEchoed() throws Exception {
        Call created = call("CreateOpportunity", """
                {"Catalog":"Sandbox","ClientToken":"bogus-1","Bogus":{"x":1},"NationalSecurity":null,
                 "OpportunityType":"Net New Business",
                 "Customer":{"Account":{"CompanyName":"Tailspin Toys","Industry":"Retail","Secret":"s","WebsiteUrl":null}},
                 "Project":{"Title":"Spend without amount","ExpectedCustomerSpend":[{"CurrencyCode":"EUR",
                  "Frequency":"Monthly","TargetCompany":"AWS","EstimationUrl":"https://calculator.aws/#/estimate?id=0123456789abcdef0123456789abcdef"}]},
                 "LifeCycle":{"Stage":"Prospect","TargetCloseDate":"2027-03-31"}}""");
        assertThat(created.status()).isEqualTo(200);
        String id = created.body().get("Id").asText();
        var answer = EmulatorClients.signedPost(pc.emulator(), "GetOpportunity",
                "{\"Catalog\":\"Sandbox\",\"Identifier\":\"" + id + "\"}");
        assertThat(answer.body()).doesNotContain("Bogus", "Secret", "NationalSecurity", "null", "WebsiteUrl");
        JsonNode spend = WireJson.MAPPER.readTree(answer.body()).at("/Project/ExpectedCustomerSpend/0");
        assertThat(spend.has("Amount")).isFalse();
        assertThat(spend.get("CurrencyCode").asText()).isEqualTo("EUR");
        assertThat(spend.get("EstimationUrl").asText()).startsWith("https://calculator.aws");
        // The same request with other unknown members is the same request: the token is not "reused".
        Call again = call("CreateOpportunity", """
                {"Catalog":"Sandbox","ClientToken":"bogus-1","Other":[1,2],"NationalSecurity":null,
                 "OpportunityType":"Net New Business",
                 "Customer":{"Account":{"CompanyName":"Tailspin Toys","Industry":"Retail","Secret":"t","WebsiteUrl":null}},
                 "Project":{"Title":"Spend without amount","ExpectedCustomerSpend":[{"CurrencyCode":"EUR",
                  "Frequency":"Monthly","TargetCompany":"AWS","EstimationUrl":"https://calculator.aws/#/estimate?id=0123456789abcdef0123456789abcdef"}]},
                 "LifeCycle":{"Stage":"Prospect","TargetCloseDate":"2027-03-31"}}""");
        assertThat(again.body().get("Id").asText()).isEqualTo(id);
        // A union whose only member is unknown has no member at all.
        Call emptyUnion = call("CreateEngagementContext", """
                {"Catalog":"Sandbox","EngagementIdentifier":"eng-00000000000000","ClientToken":"u","Type":"Lead",
                 "Payload":{"Bogus":{}}}""");
        assertThat(emptyUnion.body().at("/ErrorList/0/FieldName").asText()).isEqualTo("Payload");
    }

    @Test
    void numbersBeyondTheirTypesRangeAreRefused() throws Exception {
        Call huge = call("ListOpportunities", "{\"Catalog\":\"AWS\",\"MaxResults\":18446744073709551621}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.type()).isEqualTo("ValidationException");
        assertThat(huge.body().get("Reason").asText()).isEqualTo("REQUEST_VALIDATION_FAILED");
        assertThat(huge.body().at("/ErrorList/0/FieldName").asText()).isEqualTo("MaxResults");
        assertThat(huge.body().at("/ErrorList/0/Code").asText()).isEqualTo("VALUE_OUT_OF_RANGE");
        Call revision = call("GetResourceSnapshot", """
                {"Catalog":"AWS","EngagementIdentifier":"eng-00000000000000","ResourceType":"Opportunity",
                 "ResourceIdentifier":"O1","ResourceSnapshotTemplateIdentifier":"OpportunitySummaryView",
                 "Revision":2147483653}""");
        assertThat(revision.type()).isEqualTo("ValidationException");
        assertThat(revision.body().at("/ErrorList/0/FieldName").asText()).isEqualTo("Revision");
        assertThat(revision.body().at("/ErrorList/0/Code").asText()).isEqualTo("VALUE_OUT_OF_RANGE");
        Call negative = call("ListOpportunities", "{\"Catalog\":\"AWS\",\"MaxResults\":-18446744073709551621}");
        assertThat(negative.body().at("/ErrorList/0/Code").asText()).isEqualTo("VALUE_OUT_OF_RANGE");
        Call fraction = call("ListOpportunities", "{\"Catalog\":\"AWS\",\"MaxResults\":2.5}");
        assertThat(fraction.body().at("/ErrorList/0/Code").asText()).isEqualTo("INVALID_VALUE");
        Iterator<JsonNode> ok = call("ListOpportunities", "{\"Catalog\":\"AWS\",\"MaxResults\":100}")
                .body().get("OpportunitySummaries").elements();
        assertThat(ok.hasNext()).isTrue();
    }

    @Test
    void theNewStateSurvivesARestartWithADataFile(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("state.json");
        String engagement;
        String prospecting;
        try (var first = PartnerCentralEmulator.builder().opportunities(5).instant(true).dataFile(data).start();
             var client = EmulatorExtension.clientFor(first)) {
            client.putSellingSystemSettings(r -> r.catalog("AWS"));
            client.putSellingSystemSettings(r -> r.catalog("Sandbox").resourceSnapshotJobRoleIdentifier("Kept"));
            engagement = client.createEngagement(r -> r.catalog("Sandbox").clientToken("keep").title("Kept")
                    .contexts(software.amazon.awssdk.services.partnercentralselling.model.EngagementContextDetails
                            .builder().type("Lead").payload(EngagementApiTest.lead("Kept Inc", "Qualified")).build()))
                    .id();
            client.startOpportunityFromEngagementTask(r -> r.catalog("Sandbox").clientToken("keep-task")
                    .identifier(engagement).contextIdentifier("1"));
            var answer = EmulatorClients.signedPost(first, "StartProspectingFromEngagementTask", """
                    {"Catalog":"Sandbox","ClientToken":"keep-p","TaskName":"kept","Identifiers":["%s"]}"""
                    .formatted(engagement));
            prospecting = WireJson.MAPPER.readTree(answer.body()).get("TaskId").asText();
        }
        try (var second = PartnerCentralEmulator.builder().opportunities(5).instant(true).dataFile(data).start();
             var client = EmulatorExtension.clientFor(second)) {
            assertThat(client.getSellingSystemSettings(r -> r.catalog("AWS")).resourceSnapshotJobRoleArn()).isNull();
            assertThat(client.getSellingSystemSettings(r -> r.catalog("Sandbox")).resourceSnapshotJobRoleArn())
                    .isEqualTo("arn:aws:iam::111122223333:role/Kept");
            assertThat(client.listOpportunityFromEngagementTasks(r -> r.catalog("Sandbox").engagementIdentifier(engagement))
                    .taskSummaries()).singleElement().satisfies(t -> assertThat(t.taskStatusAsString()).isEqualTo("COMPLETE"));
            var answer = EmulatorClients.signedPost(second, "GetProspectingFromEngagementTask",
                    "{\"Catalog\":\"Sandbox\",\"TaskIdentifier\":\"" + prospecting + "\"}");
            assertThat(WireJson.MAPPER.readTree(answer.body()).at("/Engagements/0/Status").asText()).isEqualTo("COMPLETED");
        }
    }
}
