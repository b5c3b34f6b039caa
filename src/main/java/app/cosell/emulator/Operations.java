package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operations of the API, the moto "responses" half: the table that routes every operation to its handler, and
 * the request readings the handlers share. The handlers live in one {@link ResourceOperations} class per resource
 * (opportunities, engagements, snapshots, invitations, tasks, tags, ...): each turns a validated request tree into
 * questions and changes for the state, and renders the answer in the output shape of the model; every List* answer
 * is a {@link ListAnswer}. Business errors are thrown as {@link AwsError}s. The request has already passed model
 * validation when it gets here.
 */
final class Operations {

    private final Map<String, Function<ObjectNode, WireJson.Rendering>> handlers = new TreeMap<>();

    Operations(PartnerCentralState state, TaskEngine engine, Supplier<Instant> clock) {
        ResourceOperations.Services services = new ResourceOperations.Services(state, engine, clock);
        // The two heaviest answers are written straight to the generator; every other answer is a tree.
        OpportunityReadOperations opportunityReads = new OpportunityReadOperations(services);
        OpportunityOperations opportunities = new OpportunityOperations(services);
        SubmissionOperations submissions = new SubmissionOperations(services);
        EngagementTaskOperations engagementTasks = new EngagementTaskOperations(services);
        EngagementReadOperations engagementReads = new EngagementReadOperations(services);
        EngagementOperations engagements = new EngagementOperations(services);
        EngagementInvitationOperations partnerInvitations = new EngagementInvitationOperations(services);
        InvitationOperations referrals = new InvitationOperations(services);
        SnapshotOperations snapshots = new SnapshotOperations(services);
        OpportunityFromEngagementOperations opportunityTasks = new OpportunityFromEngagementOperations(services);
        ProspectingOperations prospecting = new ProspectingOperations(services);
        SellingSystemOperations sellingSystem = new SellingSystemOperations(services);
        TagOperations tags = new TagOperations(services);
        handlers.put("ListOpportunities", opportunityReads::listOpportunities);
        handlers.put("GetOpportunity", opportunityReads::getOpportunity);
        handlers.put("ListSolutions", tree(opportunityReads::listSolutions));
        handlers.put("GetAwsOpportunitySummary", tree(opportunityReads::getAwsOpportunitySummary));
        handlers.put("CreateOpportunity", tree(opportunities::createOpportunity));
        handlers.put("UpdateOpportunity", tree(opportunities::updateOpportunity));
        handlers.put("AssociateOpportunity", tree(opportunities::associateOpportunity));
        handlers.put("DisassociateOpportunity", tree(opportunities::disassociateOpportunity));
        handlers.put("SubmitOpportunity", tree(submissions::submit));
        handlers.put("AssignOpportunity", tree(submissions::assign));
        handlers.put("StartEngagementFromOpportunityTask", tree(engagementTasks::startEngagementFromOpportunityTask));
        handlers.put("ListEngagementFromOpportunityTasks", tree(engagementTasks::listEngagementFromOpportunityTasks));
        handlers.put("ListEngagements", tree(engagementReads::listEngagements));
        handlers.put("GetEngagement", tree(engagementReads::getEngagement));
        handlers.put("ListEngagementInvitations", tree(engagementReads::listEngagementInvitations));
        handlers.put("GetEngagementInvitation", tree(engagementReads::getEngagementInvitation));
        handlers.put("ListEngagementResourceAssociations", tree(engagementReads::listEngagementResourceAssociations));
        handlers.put("CreateEngagement", tree(engagements::createEngagement));
        handlers.put("CreateEngagementContext", tree(engagements::createContext));
        handlers.put("UpdateEngagementContext", tree(engagements::updateContext));
        handlers.put("CreateEngagementInvitation", tree(partnerInvitations::createInvitation));
        handlers.put("AcceptEngagementInvitation", tree(partnerInvitations::acceptInvitation));
        handlers.put("ListEngagementMembers", tree(partnerInvitations::listMembers));
        handlers.put(InvitationOperations.START, tree(referrals::startAccepting));
        handlers.put("ListEngagementByAcceptingInvitationTasks", tree(referrals::listAcceptingTasks));
        handlers.put("RejectEngagementInvitation", tree(referrals::reject));
        handlers.put("CreateResourceSnapshot", tree(snapshots::createSnapshot));
        handlers.put("CreateResourceSnapshotJob", tree(snapshots::createJob));
        handlers.put("StartResourceSnapshotJob", tree(snapshots::startJob));
        handlers.put("StopResourceSnapshotJob", tree(snapshots::stopJob));
        handlers.put("DeleteResourceSnapshotJob", tree(snapshots::deleteJob));
        handlers.put("ListResourceSnapshotJobs", tree(snapshots::listJobs));
        handlers.put("GetResourceSnapshotJob", tree(snapshots::getJob));
        handlers.put("ListResourceSnapshots", tree(snapshots::listSnapshots));
        handlers.put("GetResourceSnapshot", tree(snapshots::getSnapshot));
        handlers.put("StartOpportunityFromEngagementTask", tree(opportunityTasks::start));
        handlers.put("ListOpportunityFromEngagementTasks", tree(opportunityTasks::list));
        handlers.put("StartProspectingFromEngagementTask", tree(prospecting::start));
        handlers.put("GetProspectingFromEngagementTask", tree(prospecting::get));
        handlers.put("ListProspectingFromEngagementTasks", tree(prospecting::list));
        handlers.put("GetSellingSystemSettings", tree(sellingSystem::get));
        handlers.put("PutSellingSystemSettings", tree(sellingSystem::put));
        handlers.put("ListTagsForResource", tree(tags::listTagsForResource));
        handlers.put("TagResource", tree(tags::tagResource));
        handlers.put("UntagResource", tree(tags::untagResource));
        // Acceptances that were running when the emulator last stopped go on (the state was just loaded).
        referrals.resumeAcceptances();
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

    // ---- shared request readings ----------------------------------------------------------------------------

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
        return found(catalog, "Opportunity", id, catalog.opportunities.get(id));
    }

    static Engagement engagement(CatalogState catalog, String id) {
        return found(catalog, "Engagement", id, catalog.engagements.get(id));
    }

    /** The resource looked up by id, or ResourceNotFoundException naming it ({@code what}) when there is none. */
    static <T> T found(CatalogState catalog, String what, String id, T resource) {
        if (resource == null) {
            throw AwsError.notFound(what + " " + id + " was not found in catalog " + catalog.name + ".");
        }
        return resource;
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

    /**
     * What identifies a task in a list filter: ids and ARNs both name one, and "oit-" ids (the CLI docs' form) match
     * "task-" ids on the same suffix, so each is reduced to what follows its first '-'.
     */
    static Set<String> taskIdSuffixes(Set<String> idsOrArns) {
        if (idsOrArns == null) {
            return null;
        }
        Set<String> suffixes = new HashSet<>();
        for (String id : idsOrArns) {
            String last = lastSegment(id);
            suffixes.add(last.substring(last.indexOf('-') + 1));
        }
        return suffixes;
    }

    static String lastSegment(String idOrArn) {
        return idOrArn.substring(idOrArn.lastIndexOf('/') + 1);
    }

    /** The instant a member holds, or null when it is absent or null. */
    static Instant timestamp(JsonNode parent, String member) {
        return parent.hasNonNull(member) ? WireJson.parseTimestamp(parent.get(member)) : null;
    }

    /** A task summary's first members: TaskId, TaskArn, StartTime and TaskStatus. */
    static ObjectNode taskSummary(String taskId, String arn, Instant startTime, String status) {
        ObjectNode node = WireJson.object();
        node.put("TaskId", taskId);
        node.put("TaskArn", arn);
        WireJson.put(node, "StartTime", startTime);
        node.put("TaskStatus", status);
        return node;
    }

    /** Why a task failed: its ReasonCode and Message (each left out when null). */
    static void putFailure(ObjectNode node, String reasonCode, String message) {
        WireJson.put(node, "ReasonCode", reasonCode);
        WireJson.put(node, "Message", message);
    }

    static List<Tag> tags(JsonNode list) {
        List<Tag> tags = new ArrayList<>();
        if (list != null) {
            list.forEach(tag -> tags.add(new Tag(tag.get("Key").asText(), tag.get("Value").asText())));
        }
        return tags;
    }
}
