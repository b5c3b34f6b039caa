package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GetSellingSystemSettings and PutSellingSystemSettings: the per-catalog setting of the IAM role resource
 * snapshot jobs run as. Each catalog starts with a default role so engagement tasks complete; removing the role
 * (a Put without ResourceSnapshotJobRoleIdentifier) makes snapshot jobs fail with ResourceSnapshotJobAccessDenied.
 */
record SellingSystemOperations(Services services) implements ResourceOperations {


    JsonNode get(ObjectNode request) {
        CatalogState catalog = catalog(request);
        return answer(catalog, catalog.snapshotJobRole);
    }

    JsonNode put(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String role = WireJson.text(request, "ResourceSnapshotJobRoleIdentifier");
        String stored = state().write(() -> {
            catalog.snapshotJobRole = role;
            return role;
        });
        return answer(catalog, stored);
    }

    private ObjectNode answer(CatalogState catalog, String role) {
        ObjectNode response = WireJson.object();
        response.put("Catalog", catalog.name);
        WireJson.put(response, "ResourceSnapshotJobRoleArn", roleArn(role, state().partnerAccount()));
        return response;
    }

    /** A role name is completed to the ARN of that role in the partner's account; an ARN stays as it is. */
    static String roleArn(String role, String account) {
        if (role == null) {
            return null;
        }
        return role.startsWith("arn:") ? role : "arn:aws:iam::" + account + ":role/" + role;
    }
}
