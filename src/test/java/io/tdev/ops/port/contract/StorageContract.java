package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LifecycleRule;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Storage} adapter does with the bucket's settings. The world: the environment's bucket
 * {@link #BUCKET} with a policy denying insecure transport, every Block Public Access setting on, replication to a
 * replica bucket, and no lifecycle configuration; no bucket {@link #MISSING}.
 */
public abstract class StorageContract {
    protected static final String BUCKET = ContractWorld.CONFIG.bucket();
    protected static final String MISSING = "t-developer-projects-gone";
    protected static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyAll\",\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\"}]}";
    protected static final LifecycleRule EXPIRE_TMP = new LifecycleRule("expire-tmp", "tmp/", 7, "Enabled");

    protected abstract Storage storage();

    protected abstract void givenTheBucket();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** The policy the last PutBucketPolicy stored. */
    protected abstract String policyStored();

    /** The rules the last PutLifecycleConfiguration stored. */
    protected abstract List<LifecycleRule> lifecycleStored();

    /** How many calls reached the service so far. */
    protected abstract int callsSent();

    @BeforeEach
    void arrange() {
        givenTheBucket();
    }

    @Test
    void readsTheBucketPolicy() {
        assertThat(storage().bucketPolicy(BUCKET)).hasValueSatisfying(p -> assertThat(p)
                .contains("\"Statement\"").contains("aws:SecureTransport"));
    }

    @Test
    void aMissingBucketIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> storage().bucketPolicy(MISSING))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(MISSING);
    }

    @Test
    void putsAPolicy() {
        storage().putBucketPolicy(BUCKET, POLICY);

        assertThat(policyStored()).isEqualTo(POLICY);
    }

    @Test
    void aPolicyThatIsNotAJsonObjectIsInvalidInputAndNothingIsSent() {
        for (String bad : List.of("{\"Statement\": [", "[]", "\"deny\"")) {
            assertThatThrownBy(() -> storage().putBucketPolicy(BUCKET, bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("policyJson"));
        }
        assertThat(callsSent()).isZero();
    }

    /** S3 checks the document itself: a JSON object without a Statement is its MalformedPolicy. */
    @Test
    void aPolicyWithoutStatementIsRefusedByS3() {
        assertThatThrownBy(() -> storage().putBucketPolicy(BUCKET, "{\"Version\":\"2012-10-17\"}"))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.api()).isEqualTo("s3:PutBucketPolicy");
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("MalformedPolicy");
    }

    @Test
    void deletingThePolicySucceedsWhetherOrNotThereIsOne() {
        storage().deleteBucketPolicy(BUCKET);
        storage().deleteBucketPolicy(BUCKET);
    }

    @Test
    void readsTheBlockPublicAccessSettings() {
        assertThat(storage().publicAccessBlock(BUCKET)).contains(PublicAccessBlock.ALL_BLOCKED);
    }

    @Test
    void readsTheReplicationRules() {
        assertThat(storage().replication(BUCKET)).satisfies(r -> {
            assertThat(r.configured()).isTrue();
            assertThat(r.destinationBuckets()).singleElement().asString().contains(BUCKET + "-replica");
            // each rule as "ID: Status": S3 gives every rule an ID
            assertThat(r.ruleStatuses()).singleElement().asString().matches("\\S+: Enabled");
        });
    }

    @Test
    void aBucketWithoutLifecycleConfigurationHasNoRules() {
        assertThat(storage().lifecycleRules(BUCKET)).isEmpty();
    }

    @Test
    void addsALifecycleRule() {
        storage().addLifecycleRule(BUCKET, EXPIRE_TMP);

        assertThat(lifecycleStored()).containsExactly(EXPIRE_TMP);
    }

    @Test
    void aRuleThatExpiresNothingIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> storage().addLifecycleRule(BUCKET, new LifecycleRule("keep", "", null, "Enabled")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lifecycleRule"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void aListingLimitBelowOneIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> storage().newestObjects(BUCKET, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> storage().objectsOlderThan(BUCKET, Instant.parse("2026-01-01T00:00:00Z"), 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> storage().listedUsage(BUCKET, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxObjects"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void aDeniedPolicyChangeNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "s3:PutBucketPolicy");

        ContractWorld.assertDenied(() -> storage().putBucketPolicy(BUCKET, POLICY), "s3:PutBucketPolicy");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "s3:GetBucketPolicy");

        ContractWorld.assertThrottled(() -> storage().bucketPolicy(BUCKET), "s3:GetBucketPolicy");
    }
}
