package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An aws-credentials entry as the engine's credentials provider. {@link AmazonWebServicesCredentials} is itself an
 * {@link AwsCredentialsProvider} (jenkinsci/aws-credentials-plugin AmazonWebServicesCredentials.java) whose
 * {@code resolveCredentials()} assumes the entry's IAM role anew on each call (AWSCredentialsImpl.java), so keys are
 * never frozen for a long wait; this asks it again after {@link #REUSE} (well inside the shortest STS session, 15 min)
 * instead of at every AWS call. An entry with blank keys means "the controller's own identity" (the instance-profile
 * case): aws-credentials then returns null, and this falls back to the SDK's default chain on the controller.
 */
final class JenkinsAwsCredentials implements AwsCredentialsProvider, AutoCloseable {
    static final Duration REUSE = Duration.ofMinutes(5);

    private final AmazonWebServicesCredentials credentials;
    private final Supplier<AwsCredentialsProvider> controllerChain;
    private final LongSupplier nanoTime;
    private AwsCredentialsProvider fallback;
    private AwsCredentials current;
    private long resolvedAt;

    JenkinsAwsCredentials(AmazonWebServicesCredentials credentials) {
        this(credentials, () -> DefaultCredentialsProvider.builder().build(), System::nanoTime);
    }

    /** {@code controllerChain}: the identity blank keys stand for; {@code nanoTime}: the clock of the reuse period. */
    JenkinsAwsCredentials(AmazonWebServicesCredentials credentials, Supplier<AwsCredentialsProvider> controllerChain,
                          LongSupplier nanoTime) {
        this.credentials = credentials;
        this.controllerChain = controllerChain;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        long now = nanoTime.getAsLong();
        if (current == null || now - resolvedAt >= REUSE.toNanos()) {
            AwsCredentials fresh = credentials.resolveCredentials();
            current = fresh != null ? fresh : controllerChain().resolveCredentials();
            resolvedAt = now;
        }
        return current;
    }

    /** True when the entry has blank keys: the controller's own identity signs (after its role, if it names one). */
    synchronized boolean usesControllerIdentity() {
        return fallback != null;
    }

    private AwsCredentialsProvider controllerChain() {
        if (fallback == null) {
            fallback = controllerChain.get();
        }
        return fallback;
    }

    @Override
    public synchronized void close() throws Exception {
        if (fallback instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "JenkinsAwsCredentials[" + credentials.getId() + "]"; // an id, never a key
    }
}
