package io.tdev.ops.aws;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.port.Secrets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Secrets} on Secrets Manager: RotateSecret, DescribeSecret, and GetSecretValue for the one value the runbook
 * sends (the admin endpoint's bearer token), parsed from the JSON secret and returned as a {@link SecretValue}
 * that prints as {@code ****}; the rest of the secret's text is dropped at once. Failures keep only the action, the secret id, the error code and whether to retry: the service's
 * own messages are dropped (with the SDK exception that carries them), because a rotation Lambda's error text
 * comes back in them and may quote secret material. Access denied keeps its wording, which names principal,
 * action and resource only.
 * <p>
 * {@code new AwsSecrets(client)}.
 */
public final class AwsSecrets implements Secrets {
    private final SecretsManagerClient client;

    public AwsSecrets(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public String rotate(String secretId) {
        return withoutServiceText("secretsmanager:RotateSecret", secretId,
                () -> client.rotateSecret(r -> r.secretId(secretId)).versionId());
    }

    @Override
    public Optional<Instant> lastRotated(String secretId) {
        return withoutServiceText("secretsmanager:DescribeSecret", secretId,
                () -> Optional.ofNullable(client.describeSecret(r -> r.secretId(secretId)).lastRotatedDate()));
    }

    @Override
    public SecretValue value(String secretId, String key) {
        String text = withoutServiceText("secretsmanager:GetSecretValue", secretId,
                () -> client.getSecretValue(r -> r.secretId(secretId)).secretString());
        JsonNode field;
        try {
            JsonNode json = text == null ? null : JSON.readTree(text);
            field = json == null || !json.isObject() ? null : json.get(key);
        } catch (java.io.IOException e) {
            // the parser's message may quote the text: not passed on
            field = null;
        }
        if (field == null || !field.isTextual() || field.asText().isEmpty()) {
            throw new PreconditionFailedException("secret '" + secretId + "' has no text value under key '" + key
                    + "' (it must be a JSON object; the key is environment config field incident.admin.tokenKey)");
        }
        return new SecretValue(field.asText());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static <T> T withoutServiceText(String action, String secretId, Supplier<T> call) {
        try {
            return ResourceCall.run(action, "secret", secretId, "secret", call);
        } catch (PreconditionFailedException e) {
            throw new PreconditionFailedException(action + ": secret '" + secretId + "' does not exist; check environment config field secret"
                    );
        } catch (RemoteFailureException e) {
            String code = e.getCause() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
                    ? ResourceCall.errorCode(s) : "no response";
            if (e.getMessage() != null && e.getMessage().startsWith("access denied")) {
                throw new RemoteFailureException(e.api(), e.getMessage(), e.retryable());
            }
            throw new RemoteFailureException(e.api(), action + " failed for secret '" + secretId + "': " + code
                    + (e.retryable() ? " (retryable)" : "") + "; the service's message is not shown as it may quote"
                    + " secret material: see the secret's CloudTrail and rotation Lambda logs", e.retryable());
        }
    }
}
