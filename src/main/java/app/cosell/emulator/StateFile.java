package app.cosell.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Optional persistence ({@code --data FILE}): the whole state as one JSON document, written atomically
 * (temporary file in the same folder, then an atomic rename) so a crash never leaves half a file, and read
 * back on start so a demo survives restarts.
 */
final class StateFile {

    private static final int FORMAT = 1;

    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Captures the state as a tree; call inside a state write so the capture is consistent. */
    static ObjectNode capture(PartnerCentralState state) {
        ObjectNode root = WireJson.object();
        root.put("format", FORMAT);
        ObjectNode catalogs = root.putObject("catalogs");
        for (CatalogState catalog : state.catalogs()) {
            ObjectNode node = catalogs.putObject(catalog.name);
            node.put("nextOpportunityNumber", catalog.nextOpportunityNumber.get());
            node.set("opportunities", tree(catalog.opportunities.values()));
            node.set("solutions", tree(catalog.solutions.values()));
            node.set("engagements", tree(catalog.engagements.values()));
            node.set("associations", tree(catalog.associations));
            node.set("snapshots", tree(catalog.snapshots));
            node.set("jobs", tree(catalog.jobs.values()));
            node.set("invitations", tree(catalog.invitations.values()));
            node.set("tasks", tree(catalog.tasks.values()));
            node.set("opportunityTasks", tree(catalog.opportunityTasks.values()));
            node.set("prospectingTasks", tree(catalog.prospectingTasks.values()));
            // Absent in the file = no role set (null); files written before the setting existed keep the default.
            node.put("snapshotJobRoleSet", true);
            WireJson.put(node, "snapshotJobRole", catalog.snapshotJobRole);
            node.set("acceptanceTasks", tree(catalog.acceptanceTasks.values()));
            node.set("referralDetails", WireJson.MAPPER.valueToTree(catalog.referralDetails));
            node.set("rejectionReasons", WireJson.MAPPER.valueToTree(catalog.rejectionReasons));
            ObjectNode tokens = node.putObject("clientTokens");
            catalog.clientTokens.forEach((key, use) -> tokens.set(key, WireJson.MAPPER.valueToTree(use)));
            ObjectNode tags = node.putObject("tags");
            catalog.tags.forEach((arn, list) -> tags.set(arn, tree(list)));
        }
        return root;
    }

    void write(ObjectNode snapshot) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Path temporary = Files.createTempFile(folder, absolute.getFileName().toString(), ".tmp");
        try {
            WireJson.MAPPER.writeValue(temporary.toFile(), snapshot);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Loads the file into an empty state. The file is read as a stream, item by item, not as one tree first: with
     * 2,000 opportunities per catalog it is about 7 MB, and the app's first page waits for it.
     */
    void read(PartnerCentralState state) throws IOException {
        try (JsonParser p = WireJson.MAPPER.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw notOurs();
            boolean format = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> {
                        if (p.getValueAsInt(-1) != FORMAT) throw notOurs();
                        format = true;
                    }
                    case "catalogs" -> {
                        if (!format) throw notOurs(); // written first, so a file of another format is not half read
                        eachField(p, (name, q) -> {
                            CatalogState catalog = state.catalog(name);
                            if (catalog == null) q.skipChildren();
                            else readCatalog(q, catalog);
                        });
                    }
                    default -> p.skipChildren();
                }
            }
            if (!format) throw notOurs();
        }
    }

    private static void readCatalog(JsonParser p, CatalogState catalog) throws IOException {
        eachField(p, (field, q) -> {
            switch (field) {
                case "nextOpportunityNumber" -> catalog.nextOpportunityNumber.set(q.getValueAsLong());
                case "opportunities" -> putEach(q, Opportunity.class, Opportunity::id, catalog.opportunities);
                case "solutions" -> putEach(q, Solution.class, Solution::id, catalog.solutions);
                case "engagements" -> putEach(q, Engagement.class, Engagement::id, catalog.engagements);
                case "associations" -> catalog.associations.addAll(listOf(q, ResourceAssociation.class));
                case "snapshots" -> catalog.snapshots.addAll(listOf(q, ResourceSnapshot.class));
                case "jobs" -> putEach(q, SnapshotJob.class, SnapshotJob::id, catalog.jobs);
                case "invitations" -> putEach(q, Invitation.class, Invitation::id, catalog.invitations);
                case "tasks" -> putEach(q, EngagementTask.class, EngagementTask::taskId, catalog.tasks);
                case "opportunityTasks" -> putEach(q, OpportunityFromEngagementTask.class,
                        OpportunityFromEngagementTask::taskId, catalog.opportunityTasks);
                case "prospectingTasks" -> putEach(q, ProspectingTask.class, ProspectingTask::taskId,
                        catalog.prospectingTasks);
                case "snapshotJobRoleSet" -> catalog.snapshotJobRole = null; // the role follows when one is set
                case "snapshotJobRole" -> catalog.snapshotJobRole = q.getValueAsString();
                case "acceptanceTasks" -> putEach(q, AcceptanceTask.class, AcceptanceTask::taskId,
                        catalog.acceptanceTasks);
                case "referralDetails" -> eachField(q, (id, r) -> catalog.referralDetails.put(id, read(r, JsonNode.class)));
                case "rejectionReasons" -> eachField(q, (id, r) -> catalog.rejectionReasons.put(id, r.getValueAsString()));
                case "clientTokens" -> eachField(q, (key, r) ->
                        catalog.clientTokens.put(key, read(r, CatalogState.ClientTokenUse.class)));
                case "tags" -> eachField(q, (arn, r) -> catalog.tags.put(arn, List.copyOf(listOf(r, Tag.class))));
                default -> q.skipChildren();
            }
        });
    }

    /** Each item of the array at the parser, into {@code map} by its key. */
    private static <T> void putEach(JsonParser p, Class<T> type, Function<T, String> key, Map<String, T> map)
            throws IOException {
        eachElement(p, r -> {
            T item = read(r, type);
            map.put(key.apply(item), item);
        });
    }

    /** The items of the array at the parser. */
    private static <T> List<T> listOf(JsonParser p, Class<T> type) throws IOException {
        List<T> items = new ArrayList<>();
        eachElement(p, r -> items.add(read(r, type)));
        return items;
    }

    private static <T> T read(JsonParser p, Class<T> type) throws IOException {
        return WireJson.MAPPER.readValue(p, type);
    }

    private interface Element { void read(JsonParser p) throws IOException; }

    private interface Field { void read(String name, JsonParser p) throws IOException; }

    /** Each element of the array at the parser (none for null), the parser on the element's first token. */
    private static void eachElement(JsonParser p, Element element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return;
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("Expected an array at " + p.currentLocation());
        while (p.nextToken() != JsonToken.END_ARRAY) element.read(p);
    }

    /** Each member of the object at the parser (none for null), the parser on the member's value. */
    private static void eachField(JsonParser p, Field field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return;
        if (p.currentToken() != JsonToken.START_OBJECT) throw new IOException("Expected an object at " + p.currentLocation());
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            field.read(name, p);
        }
    }

    private IOException notOurs() {
        return new IOException(file + " is not an emulator data file of format " + FORMAT);
    }

    private static ArrayNode tree(Iterable<?> items) {
        ArrayNode array = WireJson.array();
        for (Object item : items) {
            array.add(WireJson.MAPPER.valueToTree(item));
        }
        return array;
    }
}
