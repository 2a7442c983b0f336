package io.tdev.ops.api.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.security.SecretRotation;

/**
 * Rotates the API-key secret: Secrets Manager's own rotation where one is configured (waiting until the new version
 * is AWSCURRENT), else a new random value as a new version, the replaced one kept as AWSPREVIOUS.
 */
public interface RotateSecretUseCase {
    RotateSecretResult run(RotateSecretRequest request);

    static RotateSecretUseCase over(OpsContext context) {
        return new SecretRotation(context);
    }
}
