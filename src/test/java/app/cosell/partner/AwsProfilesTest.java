package app.cosell.partner;

import app.cosell.model.AwsProfile;
import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AwsProfilesTest {

    @TempDir Path dir;
    Path config;
    Path credentials;
    Path cache;

    @BeforeEach
    void files() throws Exception {
        config = dir.resolve("config");
        credentials = dir.resolve("credentials");
        cache = dir.resolve("sso-cache");
        Files.createDirectories(cache);
        Files.writeString(config, """
                [default]
                region = eu-west-1

                [profile sales-sso]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = PartnerCentralSales
                region = us-east-1

                [profile legacy-sso]
                sso_start_url = https://legacy.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = Sales

                [profile admin-role]
                role_arn = arn:aws:iam::111122223333:role/Admin
                source_profile = default

                [profile scripted]
                credential_process = /usr/local/bin/creds

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """);
        Files.writeString(credentials, """
                [default]
                aws_access_key_id = AKIAEXAMPLEEXAMPLE12
                aws_secret_access_key = secretsecretsecretsecretsecretsecretsecr
                """);
    }

    AwsProfiles profiles(String active) {
        return new AwsProfiles(config, credentials, active, cache);
    }

    @Test
    void discoversEveryProfileKindIncludingSsoSessions() {
        assertThat(profiles("sales-sso").discover()).containsExactly(
                new AwsProfile("admin-role", AwsProfile.Kind.ROLE, null, null, null, false),
                new AwsProfile("default", AwsProfile.Kind.STATIC_KEYS, "eu-west-1", null, null, false),
                new AwsProfile("legacy-sso", AwsProfile.Kind.SSO, null, "https://legacy.awsapps.com/start", null, false),
                new AwsProfile("sales-sso", AwsProfile.Kind.SSO_SESSION, "us-east-1", "https://corp.awsapps.com/start", "corp", true),
                new AwsProfile("scripted", AwsProfile.Kind.PROCESS, null, null, null, false));
    }

    @Test
    void withoutAwsProfileTheDefaultProfileIsActiveAndMissingFilesMeanNoProfiles() {
        assertThat(profiles(null).activeProfileName()).isEqualTo("default");
        assertThat(new AwsProfiles(dir.resolve("none"), dir.resolve("none2"), null, cache).discover()).isEmpty();
    }

    @Test
    void anSsoProfileWithoutCachedTokenOrWithAnExpiredOneNeedsSignIn() throws Exception {
        AwsProfiles p = profiles(null);
        AwsProfile sso = p.find("sales-sso").orElseThrow();
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        assertThat(p.needsSignIn(sso, now)).isTrue();

        Path token = p.ssoTokenFile(sso);
        assertThat(token.getParent()).isEqualTo(cache);
        // The SDK names the cache file after the SHA-1 of the session name.
        assertThat(token.getFileName().toString()).isEqualTo("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        Files.writeString(token, """
                {"accessToken":"x","expiresAt":"2026-11-23T11:00:00Z","region":"us-east-1",
                 "startUrl":"https://corp.awsapps.com/start"}""");
        assertThat(p.needsSignIn(sso, now)).isTrue();

        Files.writeString(token, """
                {"accessToken":"x","expiresAt":"2026-11-23T20:00:00Z","region":"us-east-1",
                 "startUrl":"https://corp.awsapps.com/start"}""");
        assertThat(p.needsSignIn(sso, now)).isFalse();
        assertThat(p.needsSignIn(p.find("default").orElseThrow(), now)).isFalse();
    }

    @Test
    void openingAnSsoProfileWithAnExpiredSessionReportsSignInNeededForThatProfile() throws Exception {
        AwsProfiles p = profiles(null);
        Files.writeString(p.ssoTokenFile(p.find("sales-sso").orElseThrow()), """
                {"accessToken":"x","expiresAt":"2020-01-01T00:00:00Z","region":"us-east-1",
                 "startUrl":"https://corp.awsapps.com/start"}""");

        PartnerCentralFailure f = catchThrowableOfType(PartnerCentralFailure.class,
                () -> new Connections(p, "test").open(ConnectionSettings.profile("sales-sso", Catalog.Sandbox)));

        assertThat(f.kind()).isEqualTo(FailureKind.SIGN_IN_NEEDED);
        assertThat(f.profile()).isEqualTo("sales-sso");
    }

    @Test
    void anSsoTokenTheSdkCannotUseAtCallTimeIsReportedAsSignInNeededNotAStackTrace() throws Exception {
        AwsProfiles p = profiles(null);
        // Our check sees a valid sign-in, but the SDK (reading its own cache under user.home) finds none: the
        // situation of a session that expired or was signed out after the connection opened.
        Files.writeString(p.ssoTokenFile(p.find("sales-sso").orElseThrow()), """
                {"accessToken":"x","expiresAt":"2099-01-01T00:00:00Z","region":"us-east-1",
                 "startUrl":"https://corp.awsapps.com/start"}""");
        ConnectionSettings settings = new ConnectionSettings(ConnectionSettings.Target.AWS_PROFILE, "sales-sso",
                Catalog.Sandbox, null, java.net.URI.create("http://127.0.0.1:9"));
        try (PartnerCentral pc = new Connections(p, "test").open(settings)) {
            PartnerCentralFailure f = catchThrowableOfType(PartnerCentralFailure.class,
                    () -> pc.listOpportunities(app.cosell.model.OpportunityQuery.all(), null, 10));

            assertThat(f.kind()).as(f.getMessage()).isEqualTo(FailureKind.SIGN_IN_NEEDED);
            assertThat(f.profile()).isEqualTo("sales-sso");
        }
    }

    @Test
    void aBrokenCredentialProcessIsNotMistakenForASignIn() {
        ConnectionSettings settings = new ConnectionSettings(ConnectionSettings.Target.AWS_PROFILE, "scripted",
                Catalog.Sandbox, null, java.net.URI.create("http://127.0.0.1:9"));
        try (PartnerCentral pc = new Connections(profiles(null), "test").open(settings)) {
            PartnerCentralFailure f = catchThrowableOfType(PartnerCentralFailure.class,
                    () -> pc.listOpportunities(app.cosell.model.OpportunityQuery.all(), null, 10));

            assertThat(f.kind()).as(f.getMessage()).isNotEqualTo(FailureKind.SIGN_IN_NEEDED);
            assertThat(f.profile()).isEqualTo("scripted");
        }
    }
}
