package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretStatus;
import io.tdev.ops.model.SecretValue;
import io.tdev.ops.port.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Secrets} adapter does. The world: the environment's API-key secret {@link #SECRET}, a JSON object
 * holding the admin token under {@link #TOKEN_KEY}, with rotation configured, rotated before, an AWSCURRENT and an
 * AWSPREVIOUS version; the saved-policy document {@link #DOCUMENT} does not exist yet, nor does {@link #MISSING}.
 */
public abstract class SecretsContract {
    protected static final String SECRET = ContractWorld.CONFIG.secret();
    protected static final String TOKEN_KEY = ContractWorld.CONFIG.incident().admin().tokenKey();
    protected static final String DOCUMENT = ContractWorld.CONFIG.security().policyBackupSecret();
    protected static final String MISSING = "t-developer/production/gone";

    protected abstract Secrets secrets();

    protected abstract void givenTheApiKeySecret();

    /** A rotation of {@link #SECRET} is under way (an AWSPENDING version). */
    protected abstract void givenARotationUnderWay();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** The value the last write stored in {@code secretId} (AWS: the SecretString sent). */
    protected abstract String valueStored(String secretId);

    /** How many calls reached the service so far. */
    protected abstract int callsSent();

    @BeforeEach
    void arrange() {
        givenTheApiKeySecret();
    }

    @Test
    void startsARotationAndReturnsItsVersion() {
        assertThat(secrets().rotate(SECRET)).isNotBlank();
    }

    @Test
    void aSecondRotationBeforeTheFirstFinishedIsRefused() {
        givenARotationUnderWay();

        assertThatThrownBy(() -> secrets().rotate(SECRET))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.api()).isEqualTo("secretsmanager:RotateSecret");
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("InvalidRequestException");
    }

    @Test
    void readsWhenRotationLastFinished() {
        assertThat(secrets().lastRotated(SECRET)).isPresent();
    }

    @Test
    void readsTheStatusFromEveryPageOfVersions() {
        SecretStatus status = secrets().status(SECRET);

        assertThat(status.name()).isEqualTo(SECRET);
        assertThat(status.rotationEnabled()).isTrue();
        assertThat(status.lastRotated()).isNotNull();
        assertThat(status.currentVersionId()).isNotBlank();
        assertThat(status.currentVersionCreated()).isNotNull();
        assertThat(status.previousVersionId()).isNotBlank().isNotEqualTo(status.currentVersionId());
        assertThat(status.pendingVersionId()).isNull();
    }

    @Test
    void readsOneKeyOfTheCurrentValueAsAValueThatPrintsAsStars() {
        SecretValue token = secrets().value(SECRET, TOKEN_KEY);

        assertThat(token.reveal()).isNotBlank();
        assertThat(token.toString()).isEqualTo("****");
    }

    @Test
    void aKeyTheSecretDoesNotHoldIsAPreconditionNamingSecretAndKey() {
        assertThatThrownBy(() -> secrets().value(SECRET, "no_such_key"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(SECRET).hasMessageContaining("no_such_key");
    }

    @Test
    void aMissingSecretIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> secrets().value(MISSING, TOKEN_KEY))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(MISSING);
        assertThatThrownBy(() -> secrets().rotate(MISSING))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(MISSING);
        assertThatThrownBy(() -> secrets().status(MISSING))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(MISSING);
    }

    /** The value is made by the adapter, stored, and never returned: the answer is the new version's id. */
    @Test
    void putsAFreshRandomValueAndReturnsOnlyItsVersion() {
        String version = secrets().putRandomValue(SECRET);

        String stored = valueStored(SECRET);
        assertThat(version).isNotBlank().doesNotContain(stored);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secrets().putRandomValue(SECRET)).isNotBlank();
        assertThat(valueStored(SECRET)).isNotEqualTo(stored);
    }

    @Test
    void aDocumentThatDoesNotExistReadsEmpty() {
        assertThat(secrets().readDocument(DOCUMENT)).isEmpty();
    }

    @Test
    void writingADocumentCreatesItsSecret() {
        secrets().writeDocument(DOCUMENT, "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "bucket policy saved by lockdown");

        assertThat(valueStored(DOCUMENT)).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    }

    /** Secrets Manager takes 1 to 65,536 bytes of SecretString. */
    @Test
    void anEmptyOrOversizedDocumentIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> secrets().writeDocument(DOCUMENT, "", "d"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("document"));
        assertThatThrownBy(() -> secrets().writeDocument(DOCUMENT, "x".repeat(65_537), "d"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("document"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void aDeniedRotationNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "secretsmanager:RotateSecret");

        ContractWorld.assertDenied(() -> secrets().rotate(SECRET), "secretsmanager:RotateSecret");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "secretsmanager:GetSecretValue");

        ContractWorld.assertThrottled(() -> secrets().value(SECRET, TOKEN_KEY), "secretsmanager:GetSecretValue");
    }
}
