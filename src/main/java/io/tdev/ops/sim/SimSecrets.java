package io.tdev.ops.sim;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretValue;
import io.tdev.ops.port.Secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Secrets Manager: the API-key secret. The simulation holds one value, the admin endpoint's bearer token (key
 * {@code incident.admin.tokenKey}), made up per world and changed by each rotation; the rest is rotation times:
 * a rotation takes 30 seconds and a second one cannot start before the first finished.
 */
final class SimSecrets implements Secrets {
    static final Duration ROTATION_TAKES = Duration.ofSeconds(30);

    private record Rotation(String versionId, Instant startedAt) {
    }

    private final SimWorld world;
    private final List<Rotation> rotations = new ArrayList<>();
    private Instant rotatedBefore;

    SimSecrets(SimWorld world, Instant lastRotated) {
        this.world = world;
        this.rotatedBefore = lastRotated;
    }

    @Override
    public String rotate(String secretId) {
        return world.call(Api.ROTATE_SECRET, () -> {
            requireSecret(secretId);
            Instant now = world.now();
            if (!rotations.isEmpty() && now.isBefore(rotations.get(rotations.size() - 1).startedAt().plus(ROTATION_TAKES))) {
                throw new RemoteFailureException(Api.ROTATE_SECRET, Api.ROTATE_SECRET
                        + " failed: InvalidRequestException: A previous rotation isn't complete. That rotation will be reattempted.", true);
            }
            String version = world.ids.uuid("secret-version");
            rotations.add(new Rotation(version, now));
            return version;
        });
    }

    @Override
    public Optional<Instant> lastRotated(String secretId) {
        return world.call(Api.DESCRIBE_SECRET, () -> {
            requireSecret(secretId);
            return Optional.ofNullable(lastCompleted(world.now()));
        });
    }

    @Override
    public SecretValue value(String secretId, String key) {
        return world.call(Api.GET_SECRET_VALUE, () -> {
            requireSecret(secretId);
            if (!key.equals(world.config.incident().admin().tokenKey())) {
                throw new PreconditionFailedException("secret '" + secretId + "' has no text value under key '" + key
                        + "' (it must be a JSON object; the key is environment config field incident.admin.tokenKey)");
            }
            return new SecretValue(adminToken());
        });
    }

    /** The admin token now: one per rotation, so a rotated token is a different one (what the simulated admin checks). */
    String adminToken() {
        return "sim-admin-token-" + Long.toHexString(world.seed) + "-" + rotations.size();
    }

    private Instant lastCompleted(Instant now) {
        Instant last = rotatedBefore;
        for (Rotation r : rotations) {
            Instant done = r.startedAt().plus(ROTATION_TAKES);
            if (!now.isBefore(done)) {
                last = done;
            }
        }
        return last;
    }

    private void requireSecret(String secretId) {
        String name = world.config.secret();
        boolean ours = name.equals(secretId)
                || (secretId != null && secretId.startsWith("arn:aws:secretsmanager:") && secretId.contains(":secret:" + name));
        if (!ours) {
            throw new PreconditionFailedException("secret " + secretId + " not found (ResourceNotFoundException); "
                    + "this environment's is " + name);
        }
    }

    int rotations() {
        return rotations.size();
    }
}
