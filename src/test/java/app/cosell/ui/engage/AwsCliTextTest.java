package app.cosell.ui.engage;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCliTextTest {

    private static final AwsCliText.Target US_EAST = new AwsCliText.Target("us-east-1", null, null);

    @Test
    void commandHasEveryOptionOfTheRequestInCliSyntax() {
        var r = new StartEngagementRequest(Catalog.Sandbox, "O123", InvolvementType.CO_SELL, Visibility.FULL,
                List.of(new Tag("k", "v"), new Tag("env", "prod")));

        assertThat(AwsCliText.command(r, "tok-1", US_EAST)).isEqualTo("""
                aws partnercentral-selling start-engagement-from-opportunity-task \\
                  --catalog Sandbox \\
                  --identifier O123 \\
                  --client-token tok-1 \\
                  --aws-submission InvolvementType=Co-Sell,Visibility=Full \\
                  --tags Key=k,Value=v Key=env,Value=prod \\
                  --region us-east-1""");
    }

    @Test
    void valuesWithSpacesAreQuotedForTheShorthandAndTheShell() {
        var r = new StartEngagementRequest(Catalog.AWS, "O9", InvolvementType.FOR_VISIBILITY_ONLY, Visibility.LIMITED,
                List.of(new Tag("cost center", "Sales East"), new Tag("empty", ""), new Tag("=x", "a=b")));

        String cmd = AwsCliText.command(r, "tok", US_EAST);

        assertThat(cmd).contains("--aws-submission 'InvolvementType=\"For Visibility Only\",Visibility=Limited'");
        assertThat(cmd).contains("--tags 'Key=\"cost center\",Value=\"Sales East\"' Key=empty,Value= "
                + "'Key=\"=x\",Value=a=b'");
        assertThat(cmd).contains("--catalog AWS");
    }

    @Test
    void shellQuotingEscapesSingleQuotesAndLeavesSafeWordsAlone() {
        assertThat(AwsCliText.shellQuote("us-east-1")).isEqualTo("us-east-1");
        assertThat(AwsCliText.shellQuote("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(AwsCliText.shellQuote("a b")).isEqualTo("'a b'");
        assertThat(AwsCliText.shellQuote("it's")).isEqualTo("'it'\\''s'");
        assertThat(AwsCliText.shellQuote("$HOME")).isEqualTo("'$HOME'");
        assertThat(AwsCliText.shorthand("Ünïcode")).isEqualTo("\"Ünïcode\"");
        assertThat(AwsCliText.shorthand("a\"b")).isEqualTo("\"a\\\"b\"");
    }

    @Test
    void endpointOverrideAndProfileAreAppendedWhenSet() {
        var r = new StartEngagementRequest(Catalog.Sandbox, "O1", InvolvementType.CO_SELL, null, List.of());

        String cmd = AwsCliText.command(r, "t", new AwsCliText.Target("eu-west-1", "http://127.0.0.1:4566", "rep sso"));

        assertThat(cmd).endsWith("--region eu-west-1 \\\n  --endpoint-url http://127.0.0.1:4566 \\\n  --profile 'rep sso'");
        assertThat(cmd).contains("--aws-submission InvolvementType=Co-Sell \\").doesNotContain("--tags");
    }

    @Test
    void jsonIsTheCliInputJsonDocumentOfTheSameRequest() throws Exception {
        var r = new StartEngagementRequest(Catalog.Sandbox, "O123", InvolvementType.CO_SELL, Visibility.FULL,
                List.of(new Tag("team", "Sales East")));

        JsonNode json = new ObjectMapper().readTree(AwsCliText.cliInputJson(r, "tok-1"));

        assertThat(json.properties()).extracting(Map.Entry::getKey)
                .containsExactly("Catalog", "ClientToken", "Identifier", "AwsSubmission", "Tags");
        assertThat(json.get("Catalog").asText()).isEqualTo("Sandbox");
        assertThat(json.get("ClientToken").asText()).isEqualTo("tok-1");
        assertThat(json.get("Identifier").asText()).isEqualTo("O123");
        assertThat(json.at("/AwsSubmission/InvolvementType").asText()).isEqualTo("Co-Sell");
        assertThat(json.at("/AwsSubmission/Visibility").asText()).isEqualTo("Full");
        assertThat(json.at("/Tags/0/Key").asText()).isEqualTo("team");
        assertThat(json.at("/Tags/0/Value").asText()).isEqualTo("Sales East");
    }

    @Test
    void jsonLeavesOutTagsAndVisibilityWhenAbsent() throws Exception {
        var r = new StartEngagementRequest(Catalog.Sandbox, "O1", InvolvementType.CO_SELL, null, List.of());

        JsonNode json = new ObjectMapper().readTree(AwsCliText.cliInputJson(r, "t"));

        assertThat(json.has("Tags")).isFalse();
        assertThat(json.get("AwsSubmission").has("Visibility")).isFalse();
    }
}
