package app.cosell.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The opportunity reads: ListOpportunities, GetOpportunity, ListSolutions and GetAwsOpportunitySummary. The two
 * opportunity answers are written straight to the generator: a page of 100 summaries is the heaviest answer the app
 * asks for.
 */
final class OpportunityReadOperations {

    /** The last ListOpportunities query (without paging members), the state version it saw, and its result. */
    private record SortedQuery(JsonNode query, long version, List<Opportunity> result) {
    }

    private volatile SortedQuery lastOpportunityQuery;

    private final PartnerCentralState state;
    private final TaskEngine engine;

    OpportunityReadOperations(ResourceOperations.Services services) {
        this.state = services.state();
        this.engine = services.engine();
    }

    WireJson.Rendering listOpportunities(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        ObjectNode query = request.deepCopy();
        query.remove(List.of("NextToken", "MaxResults"));
        long version = state.version();
        SortedQuery cached = lastOpportunityQuery;
        List<Opportunity> matching;
        if (cached != null && cached.version == version && cached.query.equals(query)) {
            // Paging re-asks the same question page after page; answer from the list sorted for page one.
            matching = cached.result;
        } else {
            matching = catalog.opportunities(opportunityQuery(request));
            lastOpportunityQuery = new SortedQuery(query, version, matching);
        }
        String account = state.partnerAccount();
        return ListAnswer.streamed(matching, request, 20, "OpportunitySummaries",
                (generator, opportunity) -> writeOpportunitySummary(generator, opportunity, account));
    }

    /** ListOpportunities' filters and sort as the state's question. */
    private static OpportunityQuery opportunityQuery(ObjectNode request) {
        JsonNode modified = request.path("LastModifiedDate");
        JsonNode created = request.path("CreatedDate");
        JsonNode closing = request.get("TargetCloseDate");
        return new OpportunityQuery(Operations.strings(request.get("Identifier")),
                Operations.strings(request.get("LifeCycleStage")),
                Operations.strings(request.get("LifeCycleReviewStatus")),
                Operations.strings(request.get("CustomerCompanyName")),
                Operations.timestamp(modified, "AfterLastModifiedDate"),
                Operations.timestamp(modified, "BeforeLastModifiedDate"),
                Operations.timestamp(created, "AfterCreatedDate"),
                Operations.timestamp(created, "BeforeCreatedDate"),
                closing != null, closing == null ? null : WireJson.text(closing, "AfterTargetCloseDate"),
                closing == null ? null : WireJson.text(closing, "BeforeTargetCloseDate"),
                ListAnswer.sortBy(request, "LastModifiedDate"), ListAnswer.ascending(request, "DESCENDING"));
    }

    private static final List<String> SUMMARY_LIFE_CYCLE = List.of("Stage", "ClosedLostReason", "NextSteps",
            "TargetCloseDate", "ReviewStatus", "ReviewComments", "ReviewStatusReason");
    private static final List<String> SUMMARY_ACCOUNT = List.of("Industry", "OtherIndustry", "CompanyName",
            "WebsiteUrl");
    private static final List<String> SUMMARY_ADDRESS = List.of("City", "PostalCode", "StateOrRegion", "CountryCode");
    /** Members the answer itself sets; a stored document never supplies them. */
    private static final Set<String> DOCUMENT_OWN_MEMBERS = Set.of("Catalog", "Id", "Arn", "CreatedDate",
            "LastModifiedDate", "RelatedEntityIdentifiers");

    /** One OpportunitySummary: identifiers, dates and the summary's subset of LifeCycle, Customer and Project. */
    private static void writeOpportunitySummary(JsonGenerator generator, Opportunity opportunity, String account)
            throws IOException {
        JsonNode content = opportunity.content();
        generator.writeStartObject();
        generator.writeStringField("Catalog", opportunity.catalog());
        generator.writeStringField("Id", opportunity.id());
        generator.writeStringField("Arn", opportunity.arn(account));
        writeText(generator, "PartnerOpportunityIdentifier", WireJson.text(content, "PartnerOpportunityIdentifier"));
        writeText(generator, "OpportunityType", WireJson.text(content, "OpportunityType"));
        writeTime(generator, "LastModifiedDate", opportunity.lastModifiedDate());
        writeTime(generator, "CreatedDate", opportunity.createdDate());
        JsonNode lifeCycle = content.get("LifeCycle");
        if (lifeCycle != null && lifeCycle.isObject()) {
            generator.writeObjectFieldStart("LifeCycle");
            writeTexts(generator, lifeCycle, SUMMARY_LIFE_CYCLE);
            generator.writeEndObject();
        }
        JsonNode customerAccount = WireJson.at(content, "Customer.Account");
        if (customerAccount != null) {
            generator.writeObjectFieldStart("Customer");
            generator.writeObjectFieldStart("Account");
            writeTexts(generator, customerAccount, SUMMARY_ACCOUNT);
            JsonNode address = customerAccount.get("Address");
            if (address != null && address.isObject()) {
                generator.writeObjectFieldStart("Address");
                writeTexts(generator, address, SUMMARY_ADDRESS);
                generator.writeEndObject();
            }
            generator.writeEndObject();
            generator.writeEndObject();
        }
        JsonNode project = content.get("Project");
        if (project != null && project.isObject()) {
            generator.writeObjectFieldStart("Project");
            for (String field : List.of("DeliveryModels", "ExpectedCustomerSpend")) {
                if (project.has(field)) {
                    generator.writeFieldName(field);
                    WireJson.write(generator, project.get(field));
                }
            }
            generator.writeEndObject();
        }
        generator.writeEndObject();
    }

    private static void writeTexts(JsonGenerator generator, JsonNode source, List<String> fields) throws IOException {
        for (String field : fields) {
            writeText(generator, field, WireJson.text(source, field));
        }
    }

    private static void writeText(JsonGenerator generator, String field, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(field, value);
        }
    }

    private static void writeTime(JsonGenerator generator, String field, Instant value) throws IOException {
        if (value != null) {
            generator.writeStringField(field, WireJson.timestamp(value));
        }
    }

    WireJson.Rendering getOpportunity(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        Opportunity opportunity = Operations.opportunity(catalog, request.get("Identifier").asText());
        String account = state.partnerAccount();
        return generator -> writeOpportunityDocument(generator, opportunity, account);
    }

    /** The GetOpportunity answer: identifiers and dates, the stored document as it is, and the associations. */
    private static void writeOpportunityDocument(JsonGenerator generator, Opportunity opportunity, String account)
            throws IOException {
        generator.writeStartObject();
        generator.writeStringField("Catalog", opportunity.catalog());
        generator.writeStringField("Id", opportunity.id());
        generator.writeStringField("Arn", opportunity.arn(account));
        writeTime(generator, "CreatedDate", opportunity.createdDate());
        writeTime(generator, "LastModifiedDate", opportunity.lastModifiedDate());
        for (Map.Entry<String, JsonNode> field : opportunity.content().properties()) {
            if (!DOCUMENT_OWN_MEMBERS.contains(field.getKey())) {
                generator.writeFieldName(field.getKey());
                WireJson.write(generator, field.getValue());
            }
        }
        generator.writeObjectFieldStart("RelatedEntityIdentifiers");
        writeStrings(generator, "Solutions", opportunity.solutions());
        writeStrings(generator, "AwsProducts", opportunity.awsProducts());
        writeStrings(generator, "AwsMarketplaceOffers",
                opportunity.marketplaceOffers().stream().filter(id -> !id.startsWith("offerset-")).toList());
        writeStrings(generator, "AwsMarketplaceOfferSets",
                opportunity.marketplaceOffers().stream().filter(id -> id.startsWith("offerset-")).toList());
        generator.writeEndObject();
        generator.writeEndObject();
    }

    private static void writeStrings(JsonGenerator generator, String field, List<String> values) throws IOException {
        generator.writeArrayFieldStart(field);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    JsonNode listSolutions(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        List<Solution> matching = catalog.solutions(Operations.strings(request.get("Status")),
                Operations.strings(request.get("Identifier")), Operations.strings(request.get("Category")),
                ListAnswer.sortBy(request, "Identifier"), ListAnswer.ascending(request, "ASCENDING"));
        return ListAnswer.of(matching, request, 20, "SolutionSummaries", (solution, node) -> {
            node.put("Catalog", solution.catalog());
            node.put("Id", solution.id());
            node.put("Arn", solution.arn(state.partnerAccount()));
            node.put("Name", solution.name());
            node.put("Status", solution.status());
            node.put("Category", solution.category());
            WireJson.put(node, "CreatedDate", solution.createdDate());
        });
    }

    JsonNode getAwsOpportunitySummary(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        Opportunity opportunity = Operations.opportunity(catalog, request.get("RelatedOpportunityIdentifier").asText());
        return engine.review().awsSummary(catalog, opportunity);
    }
}
