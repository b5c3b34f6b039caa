package app.cosell.cli;

import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where a command sends its calls, named as the AWS CLI names it: {@code --profile}, {@code --endpoint-url},
 * {@code --region}, plus the Partner Central {@code --catalog}. Credentials resolve as the app resolves them: a named
 * profile (IAM Identity Center's cached sign-in included), else the SDK's default chain ({@code AWS_*} variables,
 * {@code AWS_PROFILE}, the {@code default} profile).
 */
public final class ConnectionOptions {

    @Option(names = "--catalog", paramLabel = "AWS|Sandbox", converter = CatalogConverter.class,
            description = "Partner Central catalog: AWS (production) or Sandbox (default: ${DEFAULT-VALUE}).",
            defaultValue = "AWS")
    Catalog catalog = Catalog.AWS;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile from ~/.aws/config or ~/.aws/credentials.")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send requests to this endpoint instead of the service's (e.g. a local emulator).")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "Signing region (default: us-east-1).")
    String region;

    public Catalog catalog() { return catalog; }

    /** Opens a gateway; the caller closes it. */
    public PartnerCentral open(String appVersion) {
        return open(appVersion, app.cosell.partner.CallObserver.NONE);
    }

    /** Opens a gateway whose every HTTP attempt (and throttled answer) is told to {@code observer}. */
    public PartnerCentral open(String appVersion, app.cosell.partner.CallObserver observer) {
        Connections connections = new Connections(AwsProfiles.fromEnvironment(), appVersion).observedBy(observer);
        if (profile != null && !profile.isBlank()) {
            return connections.open(new ConnectionSettings(ConnectionSettings.Target.AWS_PROFILE, profile, catalog,
                    region, endpointUrl));
        }
        return connections.openDefaultChain(catalog, region, endpointUrl);
    }

    /** A short text for messages: which catalog at which place. */
    public String describe() {
        return catalog.wire() + (profile == null ? "" : " with profile " + profile)
                + (endpointUrl == null ? "" : " at " + endpointUrl);
    }

    /** Accepts the catalog in any letter case, as the service's own names. */
    static final class CatalogConverter implements picocli.CommandLine.ITypeConverter<Catalog> {
        @Override
        public Catalog convert(String value) {
            return Catalog.fromWire(value);
        }
    }
}
