package app.cosell.partner;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Profile credentials that can be rebuilt. The SDK (2.40.2) resolves an SSO profile's token once per provider
 * (aws-sdk-java-v2 #3777), so after the rep signs in again the old provider keeps failing; {@link #rebuild()} throws
 * it away so the next call reads the fresh token from the cache.
 */
final class ProfileCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private final Supplier<AwsCredentialsProvider> factory;
    private final AtomicReference<AwsCredentialsProvider> current = new AtomicReference<>();

    ProfileCredentials(Supplier<AwsCredentialsProvider> factory) { this.factory = factory; }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider p = current.get();
        if (p == null) {
            p = factory.get();
            if (!current.compareAndSet(null, p)) {
                closeQuietly(p);
                p = current.get();
            }
        }
        try {
            return p.resolveCredentials();
        } catch (SdkException e) {
            throw e;
        } catch (RuntimeException e) {
            // Some providers fail with plain runtime exceptions (the process provider throws IllegalStateException);
            // make them SDK client errors so the gateway reports them like every other credentials failure.
            throw SdkClientException.create("Unable to load credentials: " + e.getMessage(), e);
        }
    }

    void rebuild() { closeQuietly(current.getAndSet(null)); }

    @Override
    public void close() { rebuild(); }

    private static void closeQuietly(AwsCredentialsProvider p) {
        if (p instanceof AutoCloseable c) {
            try { c.close(); } catch (Exception ignored) { /* nothing to do with a failed close of old credentials */ }
        }
    }
}
