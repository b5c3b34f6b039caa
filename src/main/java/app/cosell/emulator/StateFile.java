package app.cosell.emulator;

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

    /** Loads the file into an empty state. */
    void read(PartnerCentralState state) throws IOException {
        JsonNode root = WireJson.MAPPER.readTree(file.toFile());
        if (root.path("format").asInt() != FORMAT) {
            throw new IOException(file + " is not an emulator data file of format " + FORMAT);
        }
        for (CatalogState catalog : state.catalogs()) {
            JsonNode node = root.path("catalogs").path(catalog.name);
            if (node.isMissingNode()) {
                continue;
            }
            catalog.nextOpportunityNumber.set(node.path("nextOpportunityNumber").asLong());
            for (Opportunity item : list(node.get("opportunities"), Opportunity.class)) {
                catalog.opportunities.put(item.id(), item);
            }
            for (Solution item : list(node.get("solutions"), Solution.class)) {
                catalog.solutions.put(item.id(), item);
            }
            for (Engagement item : list(node.get("engagements"), Engagement.class)) {
                catalog.engagements.put(item.id(), item);
            }
            catalog.associations.addAll(list(node.get("associations"), ResourceAssociation.class));
            catalog.snapshots.addAll(list(node.get("snapshots"), ResourceSnapshot.class));
            for (SnapshotJob item : list(node.get("jobs"), SnapshotJob.class)) {
                catalog.jobs.put(item.id(), item);
            }
            for (Invitation item : list(node.get("invitations"), Invitation.class)) {
                catalog.invitations.put(item.id(), item);
            }
            for (EngagementTask item : list(node.get("tasks"), EngagementTask.class)) {
                catalog.tasks.put(item.taskId(), item);
            }
            for (Map.Entry<String, JsonNode> entry : node.path("clientTokens").properties()) {
                catalog.clientTokens.put(entry.getKey(),
                        WireJson.MAPPER.treeToValue(entry.getValue(), CatalogState.ClientTokenUse.class));
            }
            for (Map.Entry<String, JsonNode> entry : node.path("tags").properties()) {
                catalog.tags.put(entry.getKey(), List.copyOf(list(entry.getValue(), Tag.class)));
            }
        }
    }

    private static ArrayNode tree(Iterable<?> items) {
        ArrayNode array = WireJson.array();
        for (Object item : items) {
            array.add(WireJson.MAPPER.valueToTree(item));
        }
        return array;
    }

    private static <T> List<T> list(JsonNode array, Class<T> type) throws IOException {
        List<T> items = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                items.add(WireJson.MAPPER.treeToValue(item, type));
            }
        }
        return items;
    }
}
