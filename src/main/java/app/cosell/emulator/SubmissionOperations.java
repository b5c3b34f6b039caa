package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SubmitOpportunity (the documented way to submit without an engagement task) and AssignOpportunity (hand an
 * opportunity to another user of the partner's Partner Central account).
 */
record SubmissionOperations(Services services) implements ResourceOperations {


    /**
     * Submits for AWS review: allowed from Pending Submission or Action Required, when the opportunity passes the
     * submission checks the engagement task applies. Afterwards it is read-only (Submitted) until reviewed. The
     * model lists no ConflictException here, so a wrong state is a business ValidationException.
     */
    JsonNode submit(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = request.get("Identifier").asText();
        String involvement = request.get("InvolvementType").asText();
        String visibility = WireJson.text(request, "Visibility");
        state().write(() -> {
            Opportunity opportunity = Operations.opportunity(catalog, id);
            String status = opportunity.reviewStatus();
            if (!"Pending Submission".equals(status) && !"Action Required".equals(status)) {
                String message = "Opportunity " + id + " cannot be submitted: its review status is " + status
                        + "; only opportunities in Pending Submission or Action Required can be submitted.";
                throw AwsError.businessValidation(message, List.of(new FieldError("LifeCycle.ReviewStatus", message,
                        "INVALID_RESOURCE_STATE")));
            }
            if ("Closed Lost".equals(opportunity.stage())) {
                String message = "Opportunity " + id + " cannot be submitted: its stage is Closed Lost.";
                throw AwsError.businessValidation(message, List.of(new FieldError("LifeCycle.Stage", message,
                        "INVALID_RESOURCE_STATE")));
            }
            List<String> problems = Submittability.problems(opportunity, involvement,
                    LocalDate.ofInstant(clock().get(), ZoneOffset.UTC));
            if (!problems.isEmpty()) {
                List<FieldError> errors = new ArrayList<>();
                for (String problem : problems) {
                    // Each problem starts with the field it is about ("Project.Title is missing").
                    String field = problem.contains(" ") ? problem.substring(0, problem.indexOf(' ')) : null;
                    errors.add(new FieldError(field != null && field.matches("[A-Za-z.]+") ? field : null, problem,
                            problem.contains("missing") ? "REQUIRED_FIELD_MISSING" : "INVALID_VALUE"));
                }
                throw AwsError.businessValidation("Opportunity " + id + " is not submittable: "
                        + String.join("; ", problems), errors);
            }
            catalog.submit(opportunity, involvement, visibility, Operations.laterThan(clock(),
                    opportunity.lastModifiedDate()));
            // AWS's review starts as after the engagement task's SubmitOpportunity step.
            engine().review().submitted(catalog.name, id, status);
        });
        return WireJson.object();
    }

    /**
     * The assignee becomes the opportunity's owner, the first member of OpportunityTeam, replacing the previous
     * owner; other team members stay. (Inferred: the API reference says the opportunity moves to that user and
     * that BusinessTitle PartnerAccountManager updates the owner's details.)
     */
    JsonNode assign(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = request.get("Identifier").asText();
        JsonNode assignee = request.get("Assignee");
        state().write(() -> {
            Opportunity current = Operations.opportunity(catalog, id);
            ObjectNode content = current.content();
            ArrayNode team = WireJson.array();
            ObjectNode owner = team.addObject();
            for (String field : List.of("Email", "FirstName", "LastName", "Phone", "BusinessTitle")) {
                WireJson.put(owner, field, WireJson.text(assignee, field));
            }
            JsonNode previous = content.get("OpportunityTeam");
            if (previous != null && previous.isArray()) {
                for (int i = 1; i < previous.size(); i++) {
                    team.add(previous.get(i));
                }
            }
            content.set("OpportunityTeam", team);
            catalog.opportunities.put(id, current.withContent(content,
                    Operations.laterThan(clock(), current.lastModifiedDate())));
        });
        return WireJson.object();
    }
}
