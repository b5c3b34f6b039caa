package app.cosell.partner;

import app.cosell.files.AppJson;
import app.cosell.model.AwsProfile;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rep's AWS profiles: reads the shared config and credentials files the way the AWS CLI and SDK do (honouring
 * {@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_PROFILE}, and the SDK's
 * {@code aws.configFile}/{@code aws.sharedCredentialsFile}/{@code aws.profile} system properties), describes each
 * profile, and tells whether an IAM Identity Center profile has a usable cached sign-in.
 */
public final class AwsProfiles {

    private final Path configFile;
    private final Path credentialsFile;
    private final String activeProfileName;
    private final Path ssoCacheDir;

    /**
     * @param activeProfileName the profile {@code AWS_PROFILE} names, or null for {@code default}
     * @param ssoCacheDir       where SSO tokens are cached ({@code ~/.aws/sso/cache} normally)
     */
    public AwsProfiles(Path configFile, Path credentialsFile, String activeProfileName, Path ssoCacheDir) {
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        this.activeProfileName = activeProfileName == null || activeProfileName.isBlank() ? "default" : activeProfileName;
        this.ssoCacheDir = ssoCacheDir;
    }

    /** The files and profile this process's environment and system properties name (SDK precedence). */
    public static AwsProfiles fromEnvironment() {
        Path home = sdkHome();
        Path config = Path.of(setting("aws.configFile", "AWS_CONFIG_FILE", home.resolve(".aws/config").toString()));
        Path creds = Path.of(setting("aws.sharedCredentialsFile", "AWS_SHARED_CREDENTIALS_FILE",
                home.resolve(".aws/credentials").toString()));
        String profile = setting("aws.profile", "AWS_PROFILE", "default");
        return new AwsProfiles(config, creds, profile, home.resolve(".aws/sso/cache"));
    }

    /**
     * The home folder as the SDK finds it (the {@code HOME} variable first, then Windows' own, then
     * {@code user.home}), so the app reads the same config files and SSO token cache the SDK's providers read.
     */
    static Path sdkHome() {
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) home = System.getenv("USERPROFILE");
        if ((home == null || home.isBlank()) && System.getenv("HOMEDRIVE") != null && System.getenv("HOMEPATH") != null)
            home = System.getenv("HOMEDRIVE") + System.getenv("HOMEPATH");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return Path.of(home);
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        if (v == null || v.isBlank()) return fallback;
        return v.startsWith("~/") ? sdkHome() + v.substring(1) : v;
    }

    public Path configFile() { return configFile; }

    public Path credentialsFile() { return credentialsFile; }

    /** The profile used when the rep has not chosen one ({@code AWS_PROFILE}, else {@code default}). */
    public String activeProfileName() { return activeProfileName; }

    /** Both files merged as the SDK merges them (credentials file wins per property). Missing files are empty. */
    ProfileFile profileFile() {
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        if (configFile != null && Files.isRegularFile(configFile))
            all.addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build());
        if (credentialsFile != null && Files.isRegularFile(credentialsFile))
            all.addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build());
        return all.build();
    }

    /** Every profile in the files, sorted by name; empty when there are no files. */
    public List<AwsProfile> discover() {
        ProfileFile file = profileFile();
        List<AwsProfile> out = new ArrayList<>();
        for (Map.Entry<String, Profile> e : file.profiles().entrySet()) out.add(describe(file, e.getValue()));
        out.sort(Comparator.comparing(AwsProfile::name));
        return out;
    }

    public Optional<AwsProfile> find(String name) {
        ProfileFile file = profileFile();
        return file.profile(name).map(p -> describe(file, p));
    }

    private AwsProfile describe(ProfileFile file, Profile p) {
        String session = p.property("sso_session").orElse(null);
        String startUrl = p.property("sso_start_url").orElse(null);
        AwsProfile.Kind kind;
        if (session != null) {
            kind = AwsProfile.Kind.SSO_SESSION;
            startUrl = file.getSection("sso-session", session).flatMap(s -> s.property("sso_start_url")).orElse(startUrl);
        } else if (startUrl != null) kind = AwsProfile.Kind.SSO;
        else if (p.property("role_arn").isPresent()) kind = AwsProfile.Kind.ROLE;
        else if (p.property("credential_process").isPresent()) kind = AwsProfile.Kind.PROCESS;
        else if (p.property("aws_access_key_id").isPresent()) kind = AwsProfile.Kind.STATIC_KEYS;
        else kind = AwsProfile.Kind.OTHER;
        return new AwsProfile(p.name(), kind, p.property("region").orElse(null), startUrl, session,
                p.name().equals(activeProfileName));
    }

    /**
     * The SSO token cache file the SDK reads for this profile: SHA-1 of the session name (sso_session profiles) or
     * of the start URL (legacy profiles), in hex, under the cache folder. Null for non-SSO profiles.
     */
    public Path ssoTokenFile(AwsProfile profile) {
        String key = profile.kind() == AwsProfile.Kind.SSO_SESSION ? profile.ssoSession()
                : profile.kind() == AwsProfile.Kind.SSO ? profile.ssoStartUrl() : null;
        if (key == null) return null;
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return ssoCacheDir.resolve(HexFormat.of().formatHex(sha1) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the profile needs a browser sign-in before it can be used: an SSO profile with no cached token, or one
     * whose token expired and cannot be refreshed (no refresh token). Non-SSO profiles never do.
     */
    public boolean needsSignIn(AwsProfile profile, Instant now) {
        Path tokenFile = ssoTokenFile(profile);
        if (tokenFile == null) return false;
        if (!Files.isRegularFile(tokenFile)) return true;
        try {
            JsonNode token = AppJson.newMapper().readTree(Files.readString(tokenFile));
            String expiresAt = token.path("expiresAt").asText(null);
            if (token.path("accessToken").asText("").isEmpty() || expiresAt == null) return true;
            if (Instant.parse(expiresAt).isAfter(now.plusSeconds(60))) return false;
            // An sso-session token can be refreshed by the SDK while its client registration lasts.
            boolean refreshable = profile.kind() == AwsProfile.Kind.SSO_SESSION
                    && !token.path("refreshToken").asText("").isEmpty()
                    && registrationValid(token, now);
            return !refreshable;
        } catch (IOException | DateTimeParseException e) {
            return true;
        }
    }

    private static boolean registrationValid(JsonNode token, Instant now) {
        String until = token.path("registrationExpiresAt").asText(null);
        if (until == null) return false;
        return Instant.parse(until).isAfter(now);
    }
}
