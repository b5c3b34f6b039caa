package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** An engagement: the shared space in which partner and AWS co-sell one customer project. */
record Engagement(
        String catalog,
        String id,
        String title,
        String description,
        Instant createdAt,
        String createdBy,
        Instant modifiedAt,
        String modifiedBy,
        int memberCount,
        List<Context> contexts) {

    /** An engagement context (CustomerProject or Lead) with its payload in wire form. */
    record Context(String id, String type, ObjectNode payload) {
    }

    Engagement {
        contexts = List.copyOf(contexts);
    }

    String arn() {
        // Engagement ARNs carry no account id (observed form, Smithy noAccount).
        return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/engagement/" + id;
    }

    List<String> contextTypes() {
        return contexts.stream().map(Context::type).distinct().toList();
    }
}
