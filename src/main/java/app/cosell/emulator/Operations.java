package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The operations of the API, the moto "responses" half: each turns a validated request tree into calls on the
 * state and renders the answer in the output shape of the model. Business errors are thrown as
 * {@link AwsError}s. The request has already passed model validation when it gets here.
 */
final class Operations {

    private final PartnerCentralState state;
    private final TaskEngine engine;
    private final Supplier<Instant> clock;
    private final Map<String, Function<ObjectNode, WireJson.Rendering>> handlers = new TreeMap<>();

    /** The last ListOpportunities query (without paging members), the state version it saw, and its result. */
    private record SortedQuery(JsonNode query, long version, List<Opportunity> result) {
    }

    private volatile SortedQuery lastOpportunityQuery;

    Operations(PartnerCentralState state, TaskEngine engine, Supplier<Instant> clock) {
        this.state = state;
        this.engine = engine;
        this.clock = clock;
        handlers.put("ListOpportunities", this::listOpportunities);
        handlers.put("GetOpportunity", this::getOpportunity);
        handlers.put("CreateOpportunity", tree(this::createOpportunity));
        handlers.put("UpdateOpportunity", tree(this::updateOpportunity));
        handlers.put("AssociateOpportunity", tree(this::associateOpportunity));
        handlers.put("DisassociateOpportunity", tree(this::disassociateOpportunity));
        handlers.put("ListSolutions", tree(this::listSolutions));
        handlers.put("GetAwsOpportunitySummary", tree(this::getAwsOpportunitySummary));
        handlers.put("StartEngagementFromOpportunityTask", tree(this::startEngagementFromOpportunityTask));
        handlers.put("ListEngagementFromOpportunityTasks", tree(this::listEngagementFromOpportunityTasks));
        handlers.put("ListEngagements", tree(this::listEngagements));
        handlers.put("GetEngagement", tree(this::getEngagement));
        handlers.put("ListEngagementInvitations", tree(this::listEngagementInvitations));
        handlers.put("GetEngagementInvitation", tree(this::getEngagementInvitation));
        handlers.put("ListEngagementResourceAssociations", tree(this::listEngagementResourceAssociations));
        handlers.put("ListResourceSnapshotJobs", tree(this::listResourceSnapshotJobs));
        handlers.put("GetResourceSnapshotJob", tree(this::getResourceSnapshotJob));
        handlers.put("ListResourceSnapshots", tree(this::listResourceSnapshots));
        handlers.put("GetResourceSnapshot", tree(this::getResourceSnapshot));
        handlers.put("ListTagsForResource", tree(this::listTagsForResource));
        handlers.put("TagResource", tree(this::tagResource));
        handlers.put("UntagResource", tree(this::untagResource));
        // Further resources keep their handlers in classes of their own (one per resource), registered here:
        // each puts its operations into the same map, e.g. new InvitationOperations(state, engine, clock).register(handlers);
        new EngagementOperations(state, clock).register(handlers);
        new SnapshotOperations(state, clock).register(handlers);
        new SellingSystemOperations(state).register(handlers);
        new SubmissionOperations(state, engine, clock).register(handlers);
        new OpportunityFromEngagementOperations(state, clock).register(handlers);
        new ProspectingOperations(state, clock).register(handlers);
        new InvitationOperations(state, engine, clock).register(handlers);
    }

    boolean implemented(String operation) {
        return handlers.containsKey(operation);
    }

    /**
     * Runs the operation. Business errors are thrown here, before anything is written; the answer is then
     * written by the returned rendering.
     */
    WireJson.Rendering handle(String operation, ObjectNode request) {
        return handlers.get(operation).apply(request);
    }

    static Function<ObjectNode, WireJson.Rendering> tree(Function<ObjectNode, JsonNode> handler) {
        return request -> WireJson.rendering(handler.apply(request));
    }

    // ---- opportunities ------------------------------------------------------------------------------------

    private WireJson.Rendering listOpportunities(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Predicate<Opportunity> filter = opportunity -> true;
        Set<String> ids = strings(request.get("Identifier"));
        if (ids != null) {
            filter = filter.and(o -> ids.contains(o.id()));
        }
        Set<String> stages = strings(request.get("LifeCycleStage"));
        if (stages != null) {
            filter = filter.and(o -> stages.contains(o.stage()));
        }
        Set<String> statuses = strings(request.get("LifeCycleReviewStatus"));
        if (statuses != null) {
            filter = filter.and(o -> statuses.contains(o.reviewStatus()));
        }
        Set<String> companies = strings(request.get("CustomerCompanyName"));
        if (companies != null) {
            // Matches when the company name contains any of the given names, case-insensitively.
            List<String> needles = companies.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            filter = filter.and(o -> {
                String name = o.companyName().toLowerCase(Locale.ROOT);
                return needles.stream().anyMatch(name::contains);
            });
        }
        JsonNode modified = request.get("LastModifiedDate");
        if (modified != null) {
            Instant after = modified.hasNonNull("AfterLastModifiedDate")
                    ? WireJson.parseTimestamp(modified.get("AfterLastModifiedDate")) : null;
            Instant before = modified.hasNonNull("BeforeLastModifiedDate")
                    ? WireJson.parseTimestamp(modified.get("BeforeLastModifiedDate")) : null;
            filter = filter.and(o -> (after == null || o.lastModifiedDate().isAfter(after))
                    && (before == null || o.lastModifiedDate().isBefore(before)));
        }
        JsonNode created = request.get("CreatedDate");
        if (created != null) {
            Instant after = created.hasNonNull("AfterCreatedDate")
                    ? WireJson.parseTimestamp(created.get("AfterCreatedDate")) : null;
            Instant before = created.hasNonNull("BeforeCreatedDate")
                    ? WireJson.parseTimestamp(created.get("BeforeCreatedDate")) : null;
            filter = filter.and(o -> (after == null || o.createdDate().isAfter(after))
                    && (before == null || o.createdDate().isBefore(before)));
        }
        JsonNode closing = request.get("TargetCloseDate");
        if (closing != null) {
            // Dates are YYYY-MM-DD, so they compare as text; an opportunity without a close date never matches.
            String after = WireJson.text(closing, "AfterTargetCloseDate");
            String before = WireJson.text(closing, "BeforeTargetCloseDate");
            filter = filter.and(o -> {
                String date = WireJson.textAt(o.content(), "LifeCycle.TargetCloseDate");
                return date != null && (after == null || date.compareTo(after) > 0)
                        && (before == null || date.compareTo(before) < 0);
            });
        }
        String sortBy = request.at("/Sort/SortBy").asText("LastModifiedDate");
        boolean ascending = "ASCENDING".equals(request.at("/Sort/SortOrder").asText("DESCENDING"));
        Comparator<Opportunity> byId = Comparator.comparing((Opportunity o) -> o.id().length())
                .thenComparing(Opportunity::id);
        Comparator<Opportunity> order = switch (sortBy) {
            case "Identifier" -> byId;
            case "CustomerCompanyName" -> Comparator.comparing(Opportunity::companyName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(byId);
            case "CreatedDate" -> Comparator.comparing(Opportunity::createdDate).thenComparing(byId);
            // Without a close date an opportunity sorts after every dated one (ascending). The date lives in the
            // stored document, so each is read once per query, not once per comparison.
            case "TargetCloseDate" -> {
                Map<String, String> closeDates = new java.util.HashMap<>();
                yield Comparator.comparing((Opportunity o) -> closeDates.computeIfAbsent(o.id(), id ->
                        java.util.Objects.requireNonNullElse(WireJson.textAt(o.content(), "LifeCycle.TargetCloseDate"),
                                "\uffff"))).thenComparing(byId);
            }
            default -> Comparator.comparing(Opportunity::lastModifiedDate).thenComparing(byId);
        };
        if (!ascending) {
            order = order.reversed();
        }
        ObjectNode query = request.deepCopy();
        query.remove(List.of("NextToken", "MaxResults"));
        long version = state.version();
        SortedQuery cached = lastOpportunityQuery;
        List<Opportunity> matching;
        if (cached != null && cached.version == version && cached.query.equals(query)) {
            // Paging re-asks the same question page after page; answer from the list sorted for page one.
            matching = cached.result;
        } else {
            matching = new ArrayList<>();
            for (Opportunity opportunity : catalog.opportunities.values()) {
                if (filter.test(opportunity)) {
                    matching.add(opportunity);
                }
            }
            matching.sort(order);
            matching = List.copyOf(matching);
            lastOpportunityQuery = new SortedQuery(query, version, matching);
        }
        // Written straight to the generator: a page of 100 summaries is the heaviest answer the app asks for.
        Paging.Page<Opportunity> page = Paging.page(matching, request, 20);
        String account = state.partnerAccount();
        return generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("OpportunitySummaries");
            for (Opportunity opportunity : page.items()) {
                writeOpportunitySummary(generator, opportunity, account);
            }
            generator.writeEndArray();
            if (page.nextToken() != null) {
                generator.writeStringField("NextToken", page.nextToken());
            }
            generator.writeEndObject();
        };
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

    private WireJson.Rendering getOpportunity(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Opportunity opportunity = opportunity(catalog, request.get("Identifier").asText());
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

    private JsonNode createOpportunity(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String origin = request.hasNonNull("Origin") ? request.get("Origin").asText() : "Partner Referral";
        ObjectNode content = editableContent(request);
        List<FieldError> errors = businessRules(content);
        if (PartnerCentralState.AWS.equals(catalog.name) && "AWS Referral".equals(origin)) {
            errors.add(new FieldError("Origin", "Origin AWS Referral is accepted only in the Sandbox catalog",
                    "ACTION_NOT_PERMITTED"));
        }
        if (!errors.isEmpty()) {
            throw AwsError.businessValidation(errors.getFirst().message(), errors);
        }
        ObjectNode lifeCycle = content.has("LifeCycle") ? (ObjectNode) content.get("LifeCycle")
                : content.putObject("LifeCycle");
        lifeCycle.put("ReviewStatus", "Pending Submission");
        lifeCycle.remove(List.of("ReviewComments", "ReviewStatusReason"));
        List<Tag> tags = tags(request.get("Tags"));
        Opportunity created = state.write(() -> {
            String existing = idempotent(catalog, "CreateOpportunity", request);
            if (existing != null) {
                return catalog.opportunities.get(existing);
            }
            String id = "O" + catalog.nextOpportunityNumber.getAndIncrement();
            Instant now = clock.get();
            Opportunity opportunity = new Opportunity(catalog.name, id, now, now, origin, content, List.of(), List.of(),
                    List.of(), null, null);
            catalog.opportunities.put(id, opportunity);
            remember(catalog, "CreateOpportunity", request, id);
            if (!tags.isEmpty()) {
                Tagging.merge(catalog, opportunity.arn(state.partnerAccount()), tags);
            }
            return opportunity;
        });
        ObjectNode response = WireJson.object();
        response.put("Id", created.id());
        WireJson.put(response, "PartnerOpportunityIdentifier",
                WireJson.text(created.content(), "PartnerOpportunityIdentifier"));
        WireJson.put(response, "LastModifiedDate", created.lastModifiedDate());
        return response;
    }

    private JsonNode updateOpportunity(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = request.get("Identifier").asText();
        Instant expected = WireJson.parseTimestamp(request.get("LastModifiedDate"));
        ObjectNode content = editableContent(request);
        List<FieldError> errors = businessRules(content);
        if (!errors.isEmpty()) {
            throw AwsError.businessValidation(errors.getFirst().message(), errors);
        }
        Opportunity updated = state.write(() -> {
            Opportunity current = opportunity(catalog, id);
            if (!current.lastModifiedDate().equals(expected)) {
                throw AwsError.conflict("Opportunity " + id + " has been modified since " + WireJson.timestamp(expected)
                        + " (last modified " + WireJson.timestamp(current.lastModifiedDate())
                        + "). Get the opportunity again and retry with its current LastModifiedDate.");
            }
            engine.review().checkUpdate(catalog, current, content);
            String status = current.reviewStatus();
            if (("Submitted".equals(status) || "In review".equals(status) || "Rejected".equals(status))
                    && !engine.review().sandboxDecides(catalog, content)) {
                throw AwsError.businessValidation("Opportunity " + id + " can not be updated while its review "
                        + "status is " + status + ".", List.of(new FieldError("LifeCycle.ReviewStatus",
                        "Opportunity is read-only while " + status, "ACTION_NOT_PERMITTED")));
            }
            String locked = ReviewLocks.changedLockedField(status, current.content(), content);
            if (locked != null) {
                throw AwsError.businessValidation("You can not update " + locked + " when Opportunity status is "
                        + status + ".", List.of(new FieldError(locked, locked + " is read-only while the review "
                        + "status is " + status, "ACTION_NOT_PERMITTED")));
            }
            String newStage = WireJson.textAt(content, "LifeCycle.Stage");
            if ("Pending Submission".equals(status) && newStage != null && current.stage() != null
                    && !newStage.equals(current.stage())) {
                throw AwsError.businessValidation("You can not update the stage when Opportunity status is Pending "
                        + "Submission", List.of(new FieldError("LifeCycle.Stage",
                        "You can not update the stage when Opportunity status is Pending Submission",
                        "ACTION_NOT_PERMITTED")));
            }
            ObjectNode lifeCycle = content.has("LifeCycle") ? (ObjectNode) content.get("LifeCycle")
                    : content.putObject("LifeCycle");
            String requested = WireJson.text(lifeCycle, "ReviewStatus");
            // Only the Sandbox lets partners play AWS's part and set the review outcome (API-NOTES §5).
            if (!(PartnerCentralState.SANDBOX.equals(catalog.name) && requested != null)) {
                lifeCycle.put("ReviewStatus", status);
                copyIfPresent(current.content(), lifeCycle, "ReviewComments");
                copyIfPresent(current.content(), lifeCycle, "ReviewStatusReason");
            }
            Opportunity next = current.withContent(content, laterThan(current.lastModifiedDate()));
            next = engine.review().afterUpdate(catalog, current, next);
            catalog.opportunities.put(id, next);
            return next;
        });
        ObjectNode response = WireJson.object();
        response.put("Id", updated.id());
        WireJson.put(response, "LastModifiedDate", updated.lastModifiedDate());
        return response;
    }

    private static void copyIfPresent(JsonNode content, ObjectNode lifeCycle, String field) {
        String value = WireJson.textAt(content, "LifeCycle." + field);
        if (value != null) {
            lifeCycle.put(field, value);
        }
    }

    /** The partner-editable members of a Create/Update request, as a fresh tree the state may keep. */
    private static ObjectNode editableContent(ObjectNode request) {
        ObjectNode content = request.deepCopy();
        content.remove(List.of("Catalog", "ClientToken", "Origin", "Tags", "Identifier", "LastModifiedDate"));
        return content;
    }

    /** Rules the service checks beyond the model when an opportunity is written. */
    private static List<FieldError> businessRules(JsonNode content) {
        List<FieldError> errors = new ArrayList<>();
        if ("Yes".equals(WireJson.text(content, "NationalSecurity"))
                && !"Government".equals(WireJson.textAt(content, "Customer.Account.Industry"))) {
            errors.add(new FieldError("NationalSecurity", "NationalSecurity Yes is allowed only with Industry "
                    + "Government", "INVALID_VALUE"));
        }
        if ("Other".equals(WireJson.textAt(content, "Customer.Account.Industry"))
                && WireJson.textAt(content, "Customer.Account.OtherIndustry") == null) {
            errors.add(new FieldError("Customer.Account.OtherIndustry", "OtherIndustry is required when Industry "
                    + "is Other", "REQUIRED_FIELD_MISSING"));
        }
        if ("Closed Lost".equals(WireJson.textAt(content, "LifeCycle.Stage"))
                && WireJson.textAt(content, "LifeCycle.ClosedLostReason") == null) {
            errors.add(new FieldError("LifeCycle.ClosedLostReason", "ClosedLostReason is required when Stage is "
                    + "Closed Lost", "REQUIRED_FIELD_MISSING"));
        }
        if ("*Other".equals(WireJson.textAt(content, "Project.CompetitorName"))
                && WireJson.textAt(content, "Project.OtherCompetitorNames") == null) {
            errors.add(new FieldError("Project.OtherCompetitorNames", "OtherCompetitorNames is required when "
                    + "CompetitorName is *Other", "REQUIRED_FIELD_MISSING"));
        }
        return errors;
    }

    private JsonNode associateOpportunity(ObjectNode request) {
        return changeAssociation(request, true);
    }

    private JsonNode disassociateOpportunity(ObjectNode request) {
        return changeAssociation(request, false);
    }

    private JsonNode changeAssociation(ObjectNode request, boolean associate) {
        CatalogState catalog = catalog(request);
        String id = request.get("OpportunityIdentifier").asText();
        String type = request.get("RelatedEntityType").asText();
        String related = request.get("RelatedEntityIdentifier").asText();
        if ("Solutions".equals(type)) {
            // ARNs are accepted as well as ids.
            related = related.substring(related.lastIndexOf('/') + 1);
        }
        String relatedId = related;
        state.write(() -> {
            Opportunity current = opportunity(catalog, id);
            List<String> solutions = new ArrayList<>(current.solutions());
            List<String> products = new ArrayList<>(current.awsProducts());
            List<String> offers = new ArrayList<>(current.marketplaceOffers());
            List<String> target;
            int limit;
            String what;
            switch (type) {
                case "Solutions" -> {
                    target = solutions;
                    limit = 10;
                    what = "partner solutions";
                    if (associate) {
                        Solution solution = catalog.solutions.get(relatedId);
                        if (solution == null) {
                            throw AwsError.notFound("Solution " + relatedId + " was not found in catalog "
                                    + catalog.name + ".");
                        }
                        if (!"Active".equals(solution.status())) {
                            throw AwsError.businessValidation("Solution " + relatedId + " is " + solution.status()
                                    + "; only Active solutions can be associated.", List.of(new FieldError(
                                    "RelatedEntityIdentifier", "Solution is not Active", "INVALID_RESOURCE_STATE")));
                        }
                    }
                }
                case "AwsProducts" -> {
                    target = products;
                    limit = 20;
                    what = "AWS products";
                }
                default -> {
                    target = offers;
                    limit = 1;
                    what = "AWS Marketplace offers";
                }
            }
            if (associate) {
                if (target.contains(relatedId)) {
                    return;
                }
                if (target.size() >= limit) {
                    throw AwsError.quotaExceeded("Opportunity " + id + " already has the maximum of " + limit + " "
                            + what + ".");
                }
                target.add(relatedId);
            } else if (!target.remove(relatedId)) {
                throw AwsError.notFound(relatedId + " is not associated with opportunity " + id + ".");
            }
            catalog.opportunities.put(id, current.withAssociations(solutions, products, offers,
                    laterThan(current.lastModifiedDate())));
        });
        return WireJson.object();
    }

    private JsonNode listSolutions(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Set<String> statuses = strings(request.get("Status"));
        Set<String> ids = strings(request.get("Identifier"));
        Set<String> categories = strings(request.get("Category"));
        List<Solution> matching = new ArrayList<>();
        for (Solution solution : catalog.solutions.values()) {
            if ((statuses == null || statuses.contains(solution.status()))
                    && (ids == null || ids.contains(solution.id()))
                    && (categories == null || categories.contains(solution.category()))) {
                matching.add(solution);
            }
        }
        Comparator<Solution> order = switch (request.at("/Sort/SortBy").asText("Identifier")) {
            case "Name" -> Comparator.comparing(Solution::name);
            case "Status" -> Comparator.comparing(Solution::status);
            case "Category" -> Comparator.comparing(Solution::category);
            case "CreatedDate" -> Comparator.comparing(Solution::createdDate);
            default -> Comparator.comparing(Solution::id);
        };
        order = order.thenComparing(Solution::id);
        if ("DESCENDING".equals(request.at("/Sort/SortOrder").asText("ASCENDING"))) {
            order = order.reversed();
        }
        matching.sort(order);
        return pageAnswer(matching, request, 20, "SolutionSummaries", (solution, node) -> {
            node.put("Catalog", solution.catalog());
            node.put("Id", solution.id());
            node.put("Arn", solution.arn(state.partnerAccount()));
            node.put("Name", solution.name());
            node.put("Status", solution.status());
            node.put("Category", solution.category());
            WireJson.put(node, "CreatedDate", solution.createdDate());
        });
    }

    private JsonNode getAwsOpportunitySummary(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Opportunity opportunity = opportunity(catalog, request.get("RelatedOpportunityIdentifier").asText());
        return engine.review().awsSummary(catalog, opportunity);
    }

    // ---- the task -------------------------------------------------------------------------------------------

    private JsonNode startEngagementFromOpportunityTask(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String opportunityId = request.get("Identifier").asText();
        String involvement = request.at("/AwsSubmission/InvolvementType").asText();
        String visibility = request.at("/AwsSubmission/Visibility").asText("Full");
        List<Tag> tags = tags(request.get("Tags"));
        EngagementTask[] started = new EngagementTask[1];
        EngagementTask answer = state.write(() -> {
            String existing = idempotent(catalog, "StartEngagementFromOpportunityTask", request);
            if (existing != null) {
                return catalog.tasks.get(existing);
            }
            opportunity(catalog, opportunityId);
            EngagementTask task = engine.start(catalog, opportunityId, involvement, visibility, tags);
            remember(catalog, "StartEngagementFromOpportunityTask", request, task.taskId());
            started[0] = task;
            return task;
        });
        if (started[0] != null) {
            answer = engine.run(started[0]);
        }
        return taskSummary(answer);
    }

    private JsonNode listEngagementFromOpportunityTasks(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Set<String> taskIds = strings(request.get("TaskIdentifier"));
        Set<String> suffixes = taskIds == null ? null : new HashSet<>();
        if (taskIds != null) {
            // Ids and ARNs both identify a task; "oit-" ids (the CLI docs' form) match on the same suffix.
            for (String id : taskIds) {
                String last = id.substring(id.lastIndexOf('/') + 1);
                suffixes.add(last.substring(last.indexOf('-') + 1));
            }
        }
        Set<String> opportunities = strings(request.get("OpportunityIdentifier"));
        Set<String> engagements = strings(request.get("EngagementIdentifier"));
        Set<String> statuses = strings(request.get("TaskStatus"));
        List<EngagementTask> matching = new ArrayList<>();
        for (EngagementTask task : catalog.tasks.values()) {
            if ((suffixes == null || suffixes.contains(task.taskId().substring(5)))
                    && (opportunities == null || opportunities.contains(task.opportunityId()))
                    && (engagements == null || (task.engagementId() != null
                    && (engagements.contains(task.engagementId()) || engagements.stream()
                    .anyMatch(e -> e.endsWith("/" + task.engagementId())))))
                    && (statuses == null || statuses.contains(task.status()))) {
                matching.add(task);
            }
        }
        Comparator<EngagementTask> order = Comparator.comparing(EngagementTask::startTime)
                .thenComparing(EngagementTask::taskId);
        if (!"ASCENDING".equals(request.at("/Sort/SortOrder").asText("DESCENDING"))) {
            order = order.reversed();
        }
        matching.sort(order);
        return pageAnswer(matching, request, 20, "TaskSummaries", (task, node) -> node.setAll(taskSummary(task)));
    }

    private static ObjectNode taskSummary(EngagementTask task) {
        ObjectNode node = WireJson.object();
        node.put("TaskId", task.taskId());
        node.put("TaskArn", task.arn());
        WireJson.put(node, "StartTime", task.startTime());
        node.put("TaskStatus", task.status());
        node.put("OpportunityId", task.opportunityId());
        if (EngagementTask.COMPLETE.equals(task.status())) {
            WireJson.put(node, "EngagementId", task.engagementId());
            WireJson.put(node, "EngagementInvitationId", task.invitationId());
            WireJson.put(node, "ResourceSnapshotJobId", task.jobId());
        } else if (EngagementTask.FAILED.equals(task.status())) {
            WireJson.put(node, "ReasonCode", task.reasonCode());
            WireJson.put(node, "Message", task.message());
        }
        return node;
    }

    // ---- engagements ------------------------------------------------------------------------------------

    private JsonNode listEngagements(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Set<String> ids = idsOf(strings(request.get("EngagementIdentifier")));
        Set<String> createdBy = strings(request.get("CreatedBy"));
        Set<String> excludeCreatedBy = strings(request.get("ExcludeCreatedBy"));
        Set<String> contextTypes = strings(request.get("ContextTypes"));
        Set<String> excludeContextTypes = strings(request.get("ExcludeContextTypes"));
        List<Engagement> matching = new ArrayList<>();
        for (Engagement engagement : catalog.engagements.values()) {
            List<String> types = engagement.contextTypes();
            if ((ids == null || ids.contains(engagement.id()))
                    && (createdBy == null || createdBy.contains(engagement.createdBy()))
                    && (excludeCreatedBy == null || !excludeCreatedBy.contains(engagement.createdBy()))
                    && (contextTypes == null || types.stream().anyMatch(contextTypes::contains))
                    && (excludeContextTypes == null || types.stream().noneMatch(excludeContextTypes::contains))) {
                matching.add(engagement);
            }
        }
        Comparator<Engagement> order = Comparator.comparing(Engagement::createdAt).thenComparing(Engagement::id);
        if (!"ASCENDING".equals(request.at("/Sort/SortOrder").asText("DESCENDING"))) {
            order = order.reversed();
        }
        matching.sort(order);
        return pageAnswer(matching, request, 20, "EngagementSummaryList", (engagement, node) -> {
            node.put("Arn", engagement.arn());
            node.put("Id", engagement.id());
            node.put("Title", engagement.title());
            WireJson.put(node, "CreatedAt", engagement.createdAt());
            node.put("CreatedBy", engagement.createdBy());
            node.put("MemberCount", engagement.memberCount());
            WireJson.put(node, "ModifiedAt", engagement.modifiedAt());
            node.put("ModifiedBy", engagement.modifiedBy());
            WireJson.putStrings(node, "ContextTypes", engagement.contextTypes());
        });
    }

    private JsonNode getEngagement(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Engagement engagement = engagement(catalog, lastSegment(request.get("Identifier").asText()));
        ObjectNode response = WireJson.object();
        response.put("Id", engagement.id());
        response.put("Arn", engagement.arn());
        response.put("Title", engagement.title());
        WireJson.put(response, "Description", engagement.description());
        WireJson.put(response, "CreatedAt", engagement.createdAt());
        response.put("CreatedBy", engagement.createdBy());
        response.put("MemberCount", engagement.memberCount());
        WireJson.put(response, "ModifiedAt", engagement.modifiedAt());
        response.put("ModifiedBy", engagement.modifiedBy());
        ArrayNode contexts = response.putArray("Contexts");
        for (Engagement.Context context : engagement.contexts()) {
            ObjectNode node = contexts.addObject();
            node.put("Id", context.id());
            node.put("Type", context.type());
            node.set("Payload", context.payload());
        }
        return response;
    }

    private JsonNode listEngagementInvitations(ObjectNode request) {
        CatalogState catalog = catalog(request);
        InvitationOperations.expireDue(state, catalog, clock.get());
        String participant = request.get("ParticipantType").asText();
        Set<String> payloadTypes = strings(request.get("PayloadType"));
        Set<String> statuses = strings(request.get("Status"));
        Set<String> engagements = idsOf(strings(request.get("EngagementIdentifier")));
        Set<String> senders = strings(request.get("SenderAwsAccountId"));
        List<Invitation> matching = new ArrayList<>();
        for (Invitation invitation : catalog.invitations.values()) {
            if (participant.equals(invitation.participantType())
                    && (payloadTypes == null || payloadTypes.contains(payloadType(invitation)))
                    && (statuses == null || statuses.contains(invitation.status()))
                    && (engagements == null || engagements.contains(invitation.engagementId()))
                    && (senders == null || senders.contains(invitation.senderAwsAccountId()))) {
                matching.add(invitation);
            }
        }
        Comparator<Invitation> order = Comparator.comparing(Invitation::invitationDate).thenComparing(Invitation::id);
        if (!"ASCENDING".equals(request.at("/Sort/SortOrder").asText("DESCENDING"))) {
            order = order.reversed();
        }
        matching.sort(order);
        return pageAnswer(matching, request, 20, "EngagementInvitationSummaries", (invitation, node) -> {
            invitationCommon(invitation, node);
            node.put("ParticipantType", invitation.participantType());
        });
    }

    private static String payloadType(Invitation invitation) {
        return invitation.payload().has("LeadInvitation") ? "LeadInvitation" : "OpportunityInvitation";
    }

    private static void invitationCommon(Invitation invitation, ObjectNode node) {
        node.put("Arn", invitation.arn());
        node.put("PayloadType", payloadType(invitation));
        node.put("Id", invitation.id());
        node.put("EngagementId", invitation.engagementId());
        node.put("EngagementTitle", invitation.engagementTitle());
        node.put("Status", invitation.status());
        WireJson.put(node, "InvitationDate", invitation.invitationDate());
        WireJson.put(node, "ExpirationDate", invitation.expirationDate());
        node.put("SenderAwsAccountId", invitation.senderAwsAccountId());
        node.put("SenderCompanyName", invitation.senderCompanyName());
        if (invitation.receiverAwsAccountId() != null && !invitation.receiverAwsAccountId().isEmpty()) {
            ObjectNode account = node.putObject("Receiver").putObject("Account");
            WireJson.put(account, "Alias", invitation.receiverAlias());
            account.put("AwsAccountId", invitation.receiverAwsAccountId());
        }
        node.put("Catalog", invitation.catalog());
    }

    private JsonNode getEngagementInvitation(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = lastSegment(request.get("Identifier").asText());
        InvitationOperations.expireDue(state, catalog, clock.get());
        Invitation invitation = catalog.invitations.get(id);
        if (invitation == null) {
            throw AwsError.notFound("Engagement invitation " + id + " was not found in catalog " + catalog.name + ".");
        }
        ObjectNode response = WireJson.object();
        invitationCommon(invitation, response);
        response.set("Payload", invitation.payload());
        WireJson.put(response, "InvitationMessage", invitation.invitationMessage());
        WireJson.put(response, "EngagementDescription", invitation.engagementDescription());
        WireJson.put(response, "RejectionReason", catalog.rejectionReasons.get(invitation.id()));
        ArrayNode members = response.putArray("ExistingMembers");
        ObjectNode member = members.addObject();
        member.put("CompanyName", "RECEIVER".equals(invitation.participantType()) ? "AWS" : "Emulated Partner LLC");
        return response;
    }

    private JsonNode listEngagementResourceAssociations(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = request.hasNonNull("EngagementIdentifier")
                ? lastSegment(request.get("EngagementIdentifier").asText()) : null;
        String type = WireJson.text(request, "ResourceType");
        String resource = WireJson.text(request, "ResourceIdentifier");
        String createdBy = WireJson.text(request, "CreatedBy");
        if (engagementId != null && !catalog.engagements.containsKey(engagementId)) {
            throw AwsError.notFound("Engagement " + engagementId + " was not found in catalog " + catalog.name + ".");
        }
        List<ResourceAssociation> matching = new ArrayList<>();
        for (ResourceAssociation association : catalog.associations) {
            if ((engagementId == null || engagementId.equals(association.engagementId()))
                    && (type == null || type.equals(association.resourceType()))
                    && (resource == null || resource.equals(association.resourceId()))
                    && (createdBy == null || createdBy.equals(association.createdBy()))) {
                matching.add(association);
            }
        }
        return pageAnswer(matching, request, 20, "EngagementResourceAssociationSummaries", (association, node) -> {
            node.put("Catalog", association.catalog());
            node.put("EngagementId", association.engagementId());
            node.put("ResourceType", association.resourceType());
            node.put("ResourceId", association.resourceId());
            node.put("CreatedBy", association.createdBy());
        });
    }

    private JsonNode listResourceSnapshotJobs(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = WireJson.text(request, "EngagementIdentifier");
        String status = WireJson.text(request, "Status");
        List<SnapshotJob> matching = new ArrayList<>();
        for (SnapshotJob job : catalog.jobs.values()) {
            if ((engagementId == null || engagementId.equals(job.engagementId()))
                    && (status == null || status.equals(job.status()))) {
                matching.add(job);
            }
        }
        Comparator<SnapshotJob> order = Comparator.comparing(SnapshotJob::createdAt).thenComparing(SnapshotJob::id);
        if (!"ASCENDING".equals(request.at("/Sort/SortOrder").asText("DESCENDING"))) {
            order = order.reversed();
        }
        matching.sort(order);
        return pageAnswer(matching, request, 50, "ResourceSnapshotJobSummaries", (job, node) -> {
            node.put("Id", job.id());
            node.put("Arn", job.arn(state.partnerAccount()));
            node.put("EngagementId", job.engagementId());
            node.put("Status", job.status());
        });
    }

    private JsonNode getResourceSnapshotJob(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = request.get("ResourceSnapshotJobIdentifier").asText();
        SnapshotJob job = catalog.jobs.get(id);
        if (job == null) {
            throw AwsError.notFound("Resource snapshot job " + id + " was not found in catalog " + catalog.name + ".");
        }
        ObjectNode response = WireJson.object();
        response.put("Catalog", catalog.name);
        response.put("Id", job.id());
        response.put("Arn", job.arn(state.partnerAccount()));
        response.put("EngagementId", job.engagementId());
        response.put("ResourceType", job.resourceType());
        response.put("ResourceId", job.resourceId());
        response.put("ResourceArn", job.resourceArn(state.partnerAccount()));
        response.put("ResourceSnapshotTemplateName", job.templateName());
        WireJson.put(response, "CreatedAt", job.createdAt());
        response.put("Status", job.status());
        WireJson.put(response, "LastSuccessfulExecutionDate", job.lastSuccessfulExecutionDate());
        return response;
    }

    private JsonNode listResourceSnapshots(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = lastSegment(request.get("EngagementIdentifier").asText());
        engagement(catalog, engagementId);
        String type = WireJson.text(request, "ResourceType");
        String resource = WireJson.text(request, "ResourceIdentifier");
        String template = WireJson.text(request, "ResourceSnapshotTemplateIdentifier");
        String createdBy = WireJson.text(request, "CreatedBy");
        List<ResourceSnapshot> matching = new ArrayList<>();
        for (ResourceSnapshot snapshot : catalog.snapshots) {
            if (engagementId.equals(snapshot.engagementId())
                    && (type == null || type.equals(snapshot.resourceType()))
                    && (resource == null || resource.equals(snapshot.resourceId()))
                    && (template == null || template.equals(snapshot.templateName()))
                    && (createdBy == null || createdBy.equals(snapshot.createdBy()))) {
                matching.add(snapshot);
            }
        }
        return pageAnswer(matching, request, 50, "ResourceSnapshotSummaries", (snapshot, node) -> {
            node.put("Arn", snapshot.arn());
            node.put("Revision", snapshot.revision());
            node.put("ResourceType", snapshot.resourceType());
            node.put("ResourceId", snapshot.resourceId());
            node.put("ResourceSnapshotTemplateName", snapshot.templateName());
            node.put("CreatedBy", snapshot.createdBy());
        });
    }

    private JsonNode getResourceSnapshot(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = lastSegment(request.get("EngagementIdentifier").asText());
        String resource = request.get("ResourceIdentifier").asText();
        String template = request.get("ResourceSnapshotTemplateIdentifier").asText();
        int revision = request.hasNonNull("Revision") ? request.get("Revision").asInt() : -1;
        ResourceSnapshot found = null;
        for (ResourceSnapshot snapshot : catalog.snapshots) {
            if (snapshot.engagementId().equals(engagementId) && snapshot.resourceId().equals(resource)
                    && snapshot.templateName().equals(template)
                    && (revision < 0 ? found == null || snapshot.revision() > found.revision()
                    : snapshot.revision() == revision)) {
                found = snapshot;
            }
        }
        if (found == null) {
            throw AwsError.notFound("No snapshot of " + resource + " with template " + template + " in engagement "
                    + engagementId + ".");
        }
        ObjectNode response = WireJson.object();
        response.put("Catalog", catalog.name);
        response.put("Arn", found.arn());
        response.put("CreatedBy", found.createdBy());
        WireJson.put(response, "CreatedAt", found.createdAt());
        response.put("EngagementId", found.engagementId());
        response.put("ResourceType", found.resourceType());
        response.put("ResourceId", found.resourceId());
        response.put("ResourceSnapshotTemplateName", found.templateName());
        response.put("Revision", found.revision());
        response.set("Payload", found.payload());
        return response;
    }

    // ---- tags ---------------------------------------------------------------------------------------------

    private JsonNode listTagsForResource(ObjectNode request) {
        String arn = request.get("ResourceArn").asText();
        CatalogState catalog = taggable(arn);
        ObjectNode response = WireJson.object();
        ArrayNode tags = response.putArray("Tags");
        for (Tag tag : catalog.tags.getOrDefault(arn, List.of())) {
            tags.addObject().put("Key", tag.key()).put("Value", tag.value());
        }
        return response;
    }

    private JsonNode tagResource(ObjectNode request) {
        String arn = request.get("ResourceArn").asText();
        CatalogState catalog = taggable(arn);
        List<Tag> tags = tags(request.get("Tags"));
        state.write(() -> {
            Set<String> keys = new HashSet<>();
            catalog.tags.getOrDefault(arn, List.of()).forEach(tag -> keys.add(tag.key()));
            tags.forEach(tag -> keys.add(tag.key()));
            if (keys.size() > 200) {
                throw AwsError.validation("A resource can have at most 200 tags.", List.of(new FieldError("Tags",
                        "A resource can have at most 200 tags", "TOO_MANY_VALUES")));
            }
            Tagging.merge(catalog, arn, tags);
        });
        return WireJson.object();
    }

    private JsonNode untagResource(ObjectNode request) {
        String arn = request.get("ResourceArn").asText();
        CatalogState catalog = taggable(arn);
        List<String> keys = new ArrayList<>();
        request.get("TagKeys").forEach(key -> keys.add(key.asText()));
        state.write(() -> Tagging.remove(catalog, arn, keys));
        return WireJson.object();
    }

    /** The catalog of a taggable resource ARN; the resource must exist. */
    private CatalogState taggable(String arn) {
        String[] parts = arn.split(":", 6);
        String path = parts.length == 6 ? parts[5] : "";
        String[] segments = path.split("/");
        CatalogState catalog = segments.length >= 4 && "catalog".equals(segments[0])
                ? state.catalog(segments[1]) : null;
        boolean exists = catalog != null && parts[4].equals(state.partnerAccount()) && switch (segments[2]) {
            case "opportunity" -> catalog.opportunities.containsKey(segments[3]);
            case "resource-snapshot-job" -> catalog.jobs.containsKey(segments[3]);
            case "solution" -> catalog.solutions.containsKey(segments[3]);
            default -> false;
        };
        if (!exists) {
            throw AwsError.notFound("Resource " + arn + " was not found.");
        }
        return catalog;
    }

    // ---- shared helpers -----------------------------------------------------------------------------------

    private CatalogState catalog(ObjectNode request) {
        return catalog(state, request);
    }

    /** The catalog the request names (validated against the model already; refused if the state has no such). */
    static CatalogState catalog(PartnerCentralState state, ObjectNode request) {
        String name = request.get("Catalog").asText();
        CatalogState catalog = state.catalog(name);
        if (catalog == null) {
            throw AwsError.validation("Catalog '" + name + "' is not valid; use AWS or Sandbox.",
                    List.of(new FieldError("Catalog", "Catalog must be AWS or Sandbox", "INVALID_VALUE")));
        }
        return catalog;
    }

    static Opportunity opportunity(CatalogState catalog, String id) {
        Opportunity opportunity = catalog.opportunities.get(id);
        if (opportunity == null) {
            throw AwsError.notFound("Opportunity " + id + " was not found in catalog " + catalog.name + ".");
        }
        return opportunity;
    }

    static Engagement engagement(CatalogState catalog, String id) {
        Engagement engagement = catalog.engagements.get(id);
        if (engagement == null) {
            throw AwsError.notFound("Engagement " + id + " was not found in catalog " + catalog.name + ".");
        }
        return engagement;
    }

    /**
     * The id a ClientToken produced earlier for the same request, or null for a new token; a token reused with
     * a different request is refused. Call inside a state write.
     */
    static String idempotent(CatalogState catalog, String operation, ObjectNode request) {
        String token = request.get("ClientToken").asText();
        CatalogState.ClientTokenUse use = catalog.clientTokens.get(operation + "\u0000" + token);
        if (use == null) {
            return null;
        }
        if (!use.request().equals(withoutToken(request))) {
            throw AwsError.conflict("Conflicting client token submitted for a new request body.");
        }
        return use.resultId();
    }

    static void remember(CatalogState catalog, String operation, ObjectNode request, String resultId) {
        String token = request.get("ClientToken").asText();
        catalog.clientTokens.put(operation + "\u0000" + token,
                new CatalogState.ClientTokenUse(operation, withoutToken(request), resultId));
    }

    static JsonNode withoutToken(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("ClientToken");
        return copy;
    }

    /** A modification time strictly after the previous one, so LastModifiedDate always identifies a version. */
    private Instant laterThan(Instant previous) {
        return laterThan(clock, previous);
    }

    static Instant laterThan(Supplier<Instant> clock, Instant previous) {
        Instant now = clock.get();
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }

    static Set<String> strings(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            return null;
        }
        Set<String> values = new HashSet<>();
        list.forEach(item -> values.add(item.asText()));
        return values;
    }

    static Set<String> idsOf(Set<String> idsOrArns) {
        if (idsOrArns == null) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        idsOrArns.forEach(value -> ids.add(lastSegment(value)));
        return ids;
    }

    static String lastSegment(String idOrArn) {
        return idOrArn.substring(idOrArn.lastIndexOf('/') + 1);
    }

    static List<Tag> tags(JsonNode list) {
        List<Tag> tags = new ArrayList<>();
        if (list != null) {
            list.forEach(tag -> tags.add(new Tag(tag.get("Key").asText(), tag.get("Value").asText())));
        }
        return tags;
    }

    /**
     * One page of {@code matching} as a list operation answers it: {@code {"<listName>": [...], "NextToken": ...}},
     * each item drawn into its own object by {@code render}.
     */
    static <T> ObjectNode pageAnswer(List<T> matching, ObjectNode request, int defaultMaxResults,
                                             String listName, BiConsumer<T, ObjectNode> render) {
        Paging.Page<T> page = Paging.page(matching, request, defaultMaxResults);
        ObjectNode response = WireJson.object();
        ArrayNode list = response.putArray(listName);
        for (T item : page.items()) render.accept(item, list.addObject());
        WireJson.put(response, "NextToken", page.nextToken());
        return response;
    }
}
