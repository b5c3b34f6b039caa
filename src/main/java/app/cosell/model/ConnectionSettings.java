package app.cosell.model;

import java.net.URI;
import java.util.Objects;

/**
 * Where the console talks to Partner Central: the embedded emulator or an AWS profile, which catalog, which region
 * and, for testing against another endpoint, an override. Saved with the rep's settings.
 *
 * @param profileName      the AWS profile for {@link Target#AWS_PROFILE}; ignored for the emulator
 * @param region           the signing region; {@value #DEFAULT_REGION} when null or blank (the service lives there)
 * @param endpointOverride another endpoint to send requests to, or null for the service's own
 */
public record ConnectionSettings(Target target, String profileName, Catalog catalog, String region,
                                 URI endpointOverride) {

    public static final String DEFAULT_REGION = "us-east-1";

    /** What the console connects to. */
    public enum Target { EMULATOR, AWS_PROFILE }

    public ConnectionSettings {
        Objects.requireNonNull(target, "target");
        catalog = catalog == null ? Catalog.Sandbox : catalog;
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        if (target == Target.AWS_PROFILE && (profileName == null || profileName.isBlank()))
            throw new IllegalArgumentException("An AWS profile connection needs a profile name");
    }

    /** The embedded emulator (the default when the rep has no AWS profile). */
    public static ConnectionSettings emulator(Catalog catalog) {
        return new ConnectionSettings(Target.EMULATOR, null, catalog, null, null);
    }

    /** An AWS profile from the shared config/credentials files, in us-east-1. */
    public static ConnectionSettings profile(String profileName, Catalog catalog) {
        return new ConnectionSettings(Target.AWS_PROFILE, profileName, catalog, null, null);
    }
}
