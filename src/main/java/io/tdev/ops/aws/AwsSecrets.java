package io.tdev.ops.aws;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.port.Secrets;
import io.tdev.ops.model.SecretStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link Secrets} on Secrets Manager. The API-key secret is rotated (RotateSecret), given a new random value
 * (PutSecretValue: the value is made here from {@link SecureRandom} and sent, never returned or logged) and described
 * (DescribeSecret, ListSecretVersionIds). GetSecretValue reads tdev-ops' own documents (the saved bucket policy),
 * which CreateSecret / PutSecretValue wrote, and one key of the API-key secret: the admin endpoint's bearer token,
 * returned as a {@link SecretValue} that prints as {@code ****} (the rest of the secret's text is dropped at once).
 * Failures keep only the action, the secret id, the error code and whether to retry: the service's
 * own messages are dropped (with the SDK exception that carries them), because a rotation Lambda's error text
 * comes back in them and may quote secret material. Access denied keeps its wording, which names principal,
 * action and resource only.
 * <p>
 * {@code new AwsSecrets(client)}.
 */
public final class AwsSecrets implements Secrets {
    private static final String CURRENT = "AWSCURRENT";
    private static final String PREVIOUS = "AWSPREVIOUS";
    private static final String PENDING = "AWSPENDING";
    /** 256 bits, 43 URL-safe characters. */
    private static final int RANDOM_BYTES = 32;

    private final SecretsManagerClient client;
    private final SecureRandom random = new SecureRandom();

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

    @Override
    public SecretStatus status(String secretId) {
        DescribeSecretResponse described = withoutServiceText("secretsmanager:DescribeSecret", secretId,
                () -> client.describeSecret(r -> r.secretId(secretId)));
        List<SecretVersionsListEntry> versions = withoutServiceText("secretsmanager:ListSecretVersionIds", secretId,
                () -> {
                    List<SecretVersionsListEntry> all = new ArrayList<>();
                    client.listSecretVersionIdsPaginator(r -> r.secretId(secretId)).forEach(page -> all.addAll(page.versions()));
                    return all;
                });
        SecretVersionsListEntry current = withStage(versions, CURRENT);
        SecretVersionsListEntry previous = withStage(versions, PREVIOUS);
        SecretVersionsListEntry pending = versions.stream()
                .filter(v -> v.versionStages().contains(PENDING) && !v.versionStages().contains(CURRENT))
                .findFirst().orElse(null);
        if (current == null) {
            throw new PreconditionFailedException("secret '" + secretId + "' has no AWSCURRENT version");
        }
        return new SecretStatus(described.name(), Boolean.TRUE.equals(described.rotationEnabled()),
                described.lastRotatedDate(), current.versionId(), current.createdDate(),
                previous == null ? null : previous.versionId(), pending == null ? null : pending.versionId());
    }

    private static SecretVersionsListEntry withStage(List<SecretVersionsListEntry> versions, String stage) {
        return versions.stream().filter(v -> v.versionStages().contains(stage)).findFirst().orElse(null);
    }

    @Override
    public String putRandomValue(String secretId) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // no VersionStages: Secrets Manager makes the new version AWSCURRENT and the replaced one AWSPREVIOUS
        return withoutServiceText("secretsmanager:PutSecretValue", secretId, () -> client.putSecretValue(r -> r
                .secretId(secretId).secretString(value).clientRequestToken(UUID.randomUUID().toString())).versionId());
    }

    @Override
    public Optional<String> readDocument(String secretId) {
        return ResourceCall.run("secretsmanager:GetSecretValue", "secret", secretId, "security.policyBackupSecret", () -> {
            try {
                return Optional.of(client.getSecretValue(r -> r.secretId(secretId)).secretString());
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void writeDocument(String secretId, String document, String description) {
        Secrets.requireDocument(document);
        ResourceCall.exec("secretsmanager:PutSecretValue", "secret", secretId, "security.policyBackupSecret", () -> {
            try {
                client.putSecretValue(r -> r.secretId(secretId).secretString(document));
            } catch (ResourceNotFoundException e) {
                AwsCall.exec("secretsmanager:CreateSecret", () -> client.createSecret(r -> r.name(secretId)
                        .description(description).secretString(document)));
            }
        });
    }

    private static <T> T withoutServiceText(String action, String secretId, Supplier<T> call) {
        try {
            return ResourceCall.run(action, "secret", secretId, "secret", call);
        } catch (PreconditionFailedException e) {
            throw new PreconditionFailedException(action + ": secret '" + secretId + "' does not exist; check environment config field secret"
                    );
        } catch (RemoteFailureException e) {
            String code = e.getCause() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
                    ? ResourceCall.errorCode(s) : "no response";
            // access denied keeps AWS's wording (principal, action, resource); throttling says only that it was
            boolean keepsWording = e.getCause() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
                    && (s.isThrottlingException() || AwsCall.AwsErrors.accessDenied(s));
            if (keepsWording) {
                throw new RemoteFailureException(e.api(), e.getMessage(), e.retryable());
            }
            throw new RemoteFailureException(e.api(), action + " failed for secret '" + secretId + "': " + code
                    + (e.retryable() ? " (retryable)" : "") + "; the service's message is not shown as it may quote"
                    + " secret material: see the secret's CloudTrail and rotation Lambda logs", e.retryable());
        }
    }
}
