package io.tdev.ops.sim;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretStatus;
import io.tdev.ops.model.SecretValue;
import io.tdev.ops.port.Secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets Manager: the API-key secret and whatever secrets tdev-ops creates (the saved bucket policy). Each secret
 * keeps versions with staging labels as Secrets Manager does: PutSecretValue makes the new version AWSCURRENT and
 * the one it replaces AWSPREVIOUS; RotateSecret (only where rotation is configured) adds an AWSPENDING version that
 * the rotation function promotes to AWSCURRENT {@link #ROTATION_TAKES} later (or {@link #rotationTakes}), and a second rotation cannot start
 * before the first finished. Values are random text the simulation makes; they leave it only through
 * {@link #readDocument} (the engine's own documents), {@link #value} (the admin endpoint's bearer token, derived
 * from the API-key secret's current version, so a new value or rotation changes it) and the test inspection
 * {@link #values}.
 */
final class SimSecrets implements Secrets {
    static final Duration ROTATION_TAKES = Duration.ofSeconds(30);

    /** How long the rotation function takes; a stuck one never finishes. */
    Duration rotationTakes = ROTATION_TAKES;

    enum Stage { AWSCURRENT, AWSPREVIOUS, AWSPENDING }

    private static final class Version {
        final String id;
        final String value;
        final Instant created;
        final Set<Stage> stages = EnumSet.noneOf(Stage.class);
        Instant promoteAt;

        Version(String id, String value, Instant created) {
            this.id = id;
            this.value = value;
            this.created = created;
        }
    }

    private static final class Secret {
        final String name;
        final String arn;
        boolean rotationEnabled;
        Instant lastRotated;
        final List<Version> versions = new ArrayList<>();
        int rotations;

        Secret(String name, String arn) {
            this.name = name;
            this.arn = arn;
        }

        Version withStage(Stage stage) {
            return versions.stream().filter(v -> v.stages.contains(stage)).findFirst().orElse(null);
        }

        /** A new current version: the old current becomes previous, the old previous loses its label. */
        void promote(Version next) {
            Version current = withStage(Stage.AWSCURRENT);
            Version previous = withStage(Stage.AWSPREVIOUS);
            if (previous != null) {
                previous.stages.remove(Stage.AWSPREVIOUS);
            }
            if (current != null) {
                current.stages.remove(Stage.AWSCURRENT);
                current.stages.add(Stage.AWSPREVIOUS);
            }
            next.stages.remove(Stage.AWSPENDING);
            next.stages.add(Stage.AWSCURRENT);
        }
    }

    private final SimWorld world;
    private final Map<String, Secret> secrets = new LinkedHashMap<>();

    /** The API-key secret: value created {@code valueAge} before the start, rotated then when rotation is on. */
    SimSecrets(SimWorld world, Duration valueAge, boolean rotationEnabled) {
        this.world = world;
        Secret api = create(world.config.secret());
        api.rotationEnabled = rotationEnabled;
        Instant created = world.epoch.minus(valueAge);
        api.lastRotated = rotationEnabled ? created : null;
        Version previous = new Version(world.ids.uuid("secret-version"), newValue(), created.minus(valueAge));
        previous.stages.add(Stage.AWSCURRENT);
        api.versions.add(previous);
        Version current = new Version(world.ids.uuid("secret-version"), newValue(), created);
        api.versions.add(current);
        api.promote(current);
    }

    private Secret create(String name) {
        Secret s = new Secret(name, world.arn("secretsmanager", "secret:" + name + "-" + world.ids.hex("secret-arn", 6)));
        secrets.put(name, s);
        return s;
    }

    private String newValue() {
        return "sim-" + world.ids.hex("secret-value", 40);
    }

    @Override
    public String rotate(String secretId) {
        return world.call(Api.ROTATE_SECRET, () -> {
            Secret s = settled(secretId);
            if (!s.rotationEnabled) {
                throw new RemoteFailureException(Api.ROTATE_SECRET, Api.ROTATE_SECRET
                        + " failed: InvalidRequestException: No Lambda rotation function ARN is associated with this secret.",
                        false);
            }
            if (s.withStage(Stage.AWSPENDING) != null) {
                throw new RemoteFailureException(Api.ROTATE_SECRET, Api.ROTATE_SECRET
                        + " failed: InvalidRequestException: A previous rotation isn't complete. That rotation will be reattempted.", false);
            }
            Version pending = new Version(world.ids.uuid("secret-version"), newValue(), world.now());
            pending.stages.add(Stage.AWSPENDING);
            pending.promoteAt = world.now().plus(rotationTakes);
            s.versions.add(pending);
            s.rotations++;
            return pending.id;
        });
    }

    @Override
    public Optional<Instant> lastRotated(String secretId) {
        return world.call(Api.DESCRIBE_SECRET, () -> Optional.ofNullable(settled(secretId).lastRotated));
    }

    @Override
    public SecretStatus status(String secretId) {
        Secret described = world.call(Api.DESCRIBE_SECRET, () -> settled(secretId));
        return world.call(Api.LIST_SECRET_VERSIONS, () -> {
            Secret s = settled(described.name);
            Version current = s.withStage(Stage.AWSCURRENT);
            Version previous = s.withStage(Stage.AWSPREVIOUS);
            Version pending = s.withStage(Stage.AWSPENDING);
            return new SecretStatus(s.name, s.rotationEnabled, s.lastRotated, current.id, current.created,
                    previous == null ? null : previous.id, pending == null ? null : pending.id);
        });
    }

    @Override
    public SecretValue value(String secretId, String key) {
        return world.call(Api.GET_SECRET_VALUE, () -> {
            Secret s = settled(secretId);
            if (!s.name.equals(world.config.secret()) || !key.equals(world.config.incident().admin().tokenKey())) {
                throw new PreconditionFailedException("secret '" + secretId + "' has no text value under key '" + key
                        + "' (it must be a JSON object; the key is environment config field incident.admin.tokenKey)");
            }
            return new SecretValue(adminToken(s));
        });
    }

    private static String adminToken(Secret apiKeys) {
        return "adm-" + apiKeys.withStage(Stage.AWSCURRENT).value.substring("sim-".length());
    }

    /** The admin token now (tests: prove it reaches no output). */
    String adminToken() {
        return adminToken(settle(secrets.get(world.config.secret())));
    }

    @Override
    public String putRandomValue(String secretId) {
        return world.call(Api.PUT_SECRET_VALUE, () -> put(settled(secretId), newValue()).id);
    }

    @Override
    public Optional<String> readDocument(String secretId) {
        return world.call(Api.GET_SECRET_VALUE, () -> {
            Secret s = find(secretId);
            return s == null ? Optional.<String>empty() : Optional.of(settle(s).withStage(Stage.AWSCURRENT).value);
        });
    }

    @Override
    public void writeDocument(String secretId, String document, String description) {
        Secrets.requireDocument(document);
        boolean exists = world.inspect(() -> find(secretId) != null);
        if (exists) {
            world.exec(Api.PUT_SECRET_VALUE, () -> put(settled(secretId), document));
        } else {
            world.exec(Api.CREATE_SECRET, () -> {
                if (find(secretId) != null) {
                    throw new RemoteFailureException(Api.CREATE_SECRET, Api.CREATE_SECRET
                            + " failed: ResourceExistsException: The operation failed because the secret " + secretId
                            + " already exists.", false);
                }
                put(create(secretId), document);
            });
        }
    }

    private Version put(Secret s, String value) {
        Version next = new Version(world.ids.uuid("secret-version"), value, world.now());
        s.versions.add(next);
        s.promote(next);
        return next;
    }

    /** The secret with a finished rotation's labels moved (the rotation function's finishSecret step). */
    private Secret settled(String secretId) {
        Secret s = find(secretId);
        if (s == null) {
            throw new PreconditionFailedException("secret " + secretId + " not found (ResourceNotFoundException: Secrets"
                    + " Manager can't find the specified secret.)");
        }
        return settle(s);
    }

    private Secret settle(Secret s) {
        Version pending = s.withStage(Stage.AWSPENDING);
        if (pending != null && !world.now().isBefore(pending.promoteAt)) {
            s.promote(pending);
            s.lastRotated = pending.promoteAt;
        }
        return s;
    }

    private Secret find(String secretId) {
        if (secretId == null) {
            return null;
        }
        for (Secret s : secrets.values()) {
            if (s.name.equals(secretId) || s.arn.equals(secretId)
                    || (secretId.startsWith("arn:aws:secretsmanager:") && secretId.contains(":secret:" + s.name))) {
                return s;
            }
        }
        return null;
    }

    /** A secret that existed before the simulation began, with one version holding {@code value}. */
    void seed(String name, String value, Instant created) {
        Version v = new Version(world.ids.uuid("secret-version"), value, created);
        Secret s = create(name);
        s.versions.add(v);
        s.promote(v);
    }

    // ---- inspection ---------------------------------------------------------------------------------------

    int rotations() {
        return secrets.get(world.config.secret()).rotations;
    }

    /** Every value of every version of every secret (what no output may contain). */
    List<String> values() {
        return secrets.values().stream().flatMap(s -> s.versions.stream()).map(v -> v.value).toList();
    }

    /** Version id → staging labels of a secret, oldest first. */
    Map<String, List<String>> stages(String name) {
        Secret s = settle(secrets.get(name));
        Map<String, List<String>> out = new LinkedHashMap<>();
        s.versions.forEach(v -> out.put(v.id, v.stages.stream().map(Enum::name).toList()));
        return out;
    }

    /** The current value of a secret (a test's own look, never the engine's). */
    Optional<String> currentValue(String name) {
        Secret s = secrets.get(name);
        return s == null ? Optional.empty() : Optional.of(settle(s).withStage(Stage.AWSCURRENT).value);
    }

    void setRotationEnabled(boolean enabled) {
        secrets.get(world.config.secret()).rotationEnabled = enabled;
    }
}
