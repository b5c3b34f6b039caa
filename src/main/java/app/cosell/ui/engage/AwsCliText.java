package app.cosell.ui.engage;

import app.cosell.files.AppJson;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Start-engagement request written the way the AWS CLI takes it: a runnable
 * {@code aws partnercentral-selling start-engagement-from-opportunity-task} command line (POSIX shell quoting,
 * CLI shorthand quoting inside), and the {@code --cli-input-json} document.
 */
public final class AwsCliText {

    /** Where the command should go: region, optional endpoint override (emulator) and optional named profile. */
    public record Target(String region, String endpointUrl, String profile) {
        public static Target defaultRegion() { return new Target("us-east-1", null, null); }
    }

    // Words the shell passes through unchanged (no globbing, expansion, splitting or quoting characters).
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+,@%-]+");
    // A value the CLI shorthand parser reads literally without quotes: ASCII, no leading '=', no spaces or commas.
    private static final Pattern SHORTHAND_SAFE = Pattern.compile("([A-Za-z0-9_./:+@-][A-Za-z0-9_./:=+@-]*)?");

    /** The app's one mapper configuration (it indents, so the document reads well). */
    private static final ObjectMapper JSON = AppJson.newMapper();

    private AwsCliText() {}

    /** The command line, one option per continued line, ready to paste into a POSIX shell. */
    public static String command(StartEngagementRequest r, String clientToken, Target target) {
        List<String> lines = new ArrayList<>();
        lines.add("aws partnercentral-selling start-engagement-from-opportunity-task");
        lines.add("--catalog " + shellQuote(r.catalog().wire()));
        lines.add("--identifier " + shellQuote(r.opportunityId()));
        lines.add("--client-token " + shellQuote(clientToken));
        StringBuilder submission = new StringBuilder("InvolvementType=").append(shorthand(r.involvementType().wire()));
        if (r.visibility() != null) submission.append(",Visibility=").append(shorthand(r.visibility().wire()));
        lines.add("--aws-submission " + shellQuote(submission.toString()));
        if (!r.tags().isEmpty()) {
            StringBuilder tags = new StringBuilder("--tags");
            for (Tag t : r.tags()) {
                tags.append(' ').append(shellQuote("Key=" + shorthand(t.key()) + ",Value=" + shorthand(t.value())));
            }
            lines.add(tags.toString());
        }
        if (target.region() != null && !target.region().isBlank()) lines.add("--region " + shellQuote(target.region()));
        if (target.endpointUrl() != null && !target.endpointUrl().isBlank()) {
            lines.add("--endpoint-url " + shellQuote(target.endpointUrl()));
        }
        if (target.profile() != null && !target.profile().isBlank()) lines.add("--profile " + shellQuote(target.profile()));
        return String.join(" \\\n  ", lines);
    }

    /** The {@code --cli-input-json} document of the same request. */
    public static String cliInputJson(StartEngagementRequest r, String clientToken) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Catalog", r.catalog().wire());
        root.put("ClientToken", clientToken);
        root.put("Identifier", r.opportunityId());
        ObjectNode submission = root.putObject("AwsSubmission");
        submission.put("InvolvementType", r.involvementType().wire());
        if (r.visibility() != null) submission.put("Visibility", r.visibility().wire());
        if (!r.tags().isEmpty()) {
            ArrayNode tags = root.putArray("Tags");
            for (Tag t : r.tags()) tags.addObject().put("Key", t.key()).put("Value", t.value());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One shell word: as is when safe, otherwise in single quotes (a quote inside becomes {@code '\''}). */
    static String shellQuote(String word) {
        if (SHELL_SAFE.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** One value of the CLI shorthand syntax: as is when the parser reads it literally, otherwise double-quoted. */
    static String shorthand(String value) {
        if (SHORTHAND_SAFE.matcher(value).matches()) return value;
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
