package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** What the admin endpoint ({@code /_emulator/}) controls of a running emulator: settings, faults, reset, reviews. */
record EmulatorControls(PartnerCentralEmulator emulator, PartnerCentralState state, TaskEngine engine, Quotas quotas,
                        Supplier<Instant> clock, int opportunities, long seed) implements AdminApi.Controls {

    @Override
    public ObjectNode settings() {
        ObjectNode node = WireJson.object();
        node.put("stepDelayMillis", engine.stepDelay().toMillis());
        node.put("reviewDelayMillis", engine.review().delay().toMillis());
        node.put("instant", engine.instant());
        node.put("throttling", quotas.enabled());
        node.put("opportunities", opportunities);
        node.put("seed", seed);
        return node;
    }

    @Override
    public void applySettings(JsonNode node) {
        Duration delay = AdminApi.parseDuration(node);
        if (node.has("instant") && !node.get("instant").isBoolean()) {
            throw new IllegalArgumentException("instant must be true or false");
        }
        if (node.has("throttling") && !node.get("throttling").isBoolean()) {
            throw new IllegalArgumentException("throttling must be true or false");
        }
        if (delay != null) {
            emulator.setStepDelay(delay);
        }
        Duration reviewDelay = AdminApi.parseReviewDelay(node);
        if (reviewDelay != null) {
            emulator.setReviewDelay(reviewDelay);
        }
        if (node.has("instant")) {
            emulator.setInstant(node.get("instant").asBoolean());
        }
        if (node.has("throttling")) {
            emulator.setThrottling(node.get("throttling").asBoolean());
        }
    }

    @Override
    public Faults faults() {
        return emulator.faults();
    }

    @Override
    public void reset() {
        emulator.reset();
    }

    @Override
    public ObjectNode review(JsonNode request) {
        return AdminApi.reviewAnswer(engine.review(), request);
    }

    @Override
    public ObjectNode addInvitation(JsonNode spec) {
        Invitation added = InvitationOperations.addReceived(state, engine, spec, clock.get());
        ObjectNode node = WireJson.object();
        node.put("id", added.id());
        node.put("catalog", added.catalog());
        node.put("arn", added.arn());
        WireJson.put(node, "expirationDate", added.expirationDate());
        return node;
    }

    @Override
    public ObjectNode health() {
        ObjectNode node = WireJson.object();
        node.put("status", "ok");
        node.put("endpoint", emulator.endpoint().toString());
        ObjectNode counts = node.putObject("catalogs");
        for (CatalogState catalog : state.catalogs()) {
            ObjectNode c = counts.putObject(catalog.name);
            c.put("opportunities", catalog.opportunities.size());
            c.put("engagements", catalog.engagements.size());
            c.put("tasks", catalog.tasks.size());
        }
        return node;
    }
}
