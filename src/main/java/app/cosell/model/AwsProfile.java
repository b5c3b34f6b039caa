package app.cosell.model;

/**
 * An AWS profile found in the rep's shared config or credentials file, described enough for the settings screen to
 * list it and say how it signs in.
 *
 * @param region      the profile's {@code region}, or null
 * @param ssoStartUrl the IAM Identity Center start URL (from the profile or its {@code sso_session}), or null
 * @param ssoSession  the name of the {@code [sso-session ...]} section the profile uses, or null
 * @param isDefault   whether this is the profile {@code AWS_PROFILE} names (or {@code default} when unset)
 */
public record AwsProfile(String name, Kind kind, String region, String ssoStartUrl, String ssoSession,
                         boolean isDefault) {

    /** How the profile obtains credentials. */
    public enum Kind {
        /** {@code aws_access_key_id} / {@code aws_secret_access_key}. */
        STATIC_KEYS,
        /** Legacy IAM Identity Center settings in the profile itself ({@code sso_start_url}). */
        SSO,
        /** IAM Identity Center through an {@code sso_session} section (refreshable tokens). */
        SSO_SESSION,
        /** {@code role_arn} with a source profile or credential source. */
        ROLE,
        /** {@code credential_process}. */
        PROCESS,
        /** Anything else (e.g. web identity, or a section with no credentials). */
        OTHER;

        /** Whether signing in means a browser sign-in to IAM Identity Center. */
        public boolean usesSso() { return this == SSO || this == SSO_SESSION; }
    }
}
