package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ListTagsForResource, TagResource and UntagResource on the taggable resources of the partner's account
 * (opportunities, resource snapshot jobs, solutions), named by ARN; a resource has at most 200 tags.
 */
record TagOperations(Services services) implements ResourceOperations {


    JsonNode listTagsForResource(ObjectNode request) {
        String arn = request.get("ResourceArn").asText();
        CatalogState catalog = taggable(arn);
        ObjectNode response = WireJson.object();
        ArrayNode tags = response.putArray("Tags");
        for (Tag tag : catalog.tags.getOrDefault(arn, List.of())) {
            tags.addObject().put("Key", tag.key()).put("Value", tag.value());
        }
        return response;
    }

    JsonNode tagResource(ObjectNode request) {
        String arn = request.get("ResourceArn").asText();
        CatalogState catalog = taggable(arn);
        List<Tag> tags = Operations.tags(request.get("Tags"));
        state().write(() -> {
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

    JsonNode untagResource(ObjectNode request) {
        String arn = request.get("ResourceArn").asText();
        CatalogState catalog = taggable(arn);
        List<String> keys = new ArrayList<>();
        request.get("TagKeys").forEach(key -> keys.add(key.asText()));
        state().write(() -> Tagging.remove(catalog, arn, keys));
        return WireJson.object();
    }

    /** The catalog of a taggable resource ARN; the resource must exist. */
    private CatalogState taggable(String arn) {
        String[] parts = arn.split(":", 6);
        String path = parts.length == 6 ? parts[5] : "";
        String[] segments = path.split("/");
        CatalogState catalog = segments.length >= 4 && "catalog".equals(segments[0])
                ? state().catalog(segments[1]) : null;
        boolean exists = catalog != null && parts[4].equals(state().partnerAccount()) && switch (segments[2]) {
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
}
