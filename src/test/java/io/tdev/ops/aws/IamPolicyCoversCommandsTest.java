package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.DefaultTdevOps;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof (2): each command, run against the simulated environment in the scenarios that take its different paths,
 * with every port wrapped in a recording proxy, calls only port methods its IAM policy covers, and every IAM
 * action those methods' adapters call is in the policy printed for that command alone.
 */
class IamPolicyCoversCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EnvironmentConfig config = TestConfigs.production();
    /** The checklist starts a scan only for an image ECR never scanned; the simulation has a scan of every image. */
    private static final Set<String> PATHS_THE_SIMULATION_DOES_NOT_TAKE = Set.of("ImageScans.startScan");

    /** One run of a command: the scenario it starts from and the facade call with its arguments. */
    private record Run(String scenario, Function<TdevOps, Map<String, Object>> call) {
    }

    private static Map<String, List<Run>> runsByCommand(SimEnvironment any) {
        String image = any.imageUri("2.0.50");
        return Map.of(
                "health", List.of(
                        new Run("healthy", ops -> ops.healthCheck(Map.of())),
                        new Run("alarm-storm", ops -> ops.healthCheck(Map.of("baselineTime", "2026-01-01T08:00:00Z"))),
                        new Run("bad-deploy", ops -> ops.healthCheck(Map.of()))),
                "deploy", List.of(
                        new Run("healthy", ops -> ops.ecsDeploy(Map.of("image", image))),
                        new Run("healthy", ops -> ops.ecsDeploy(Map.of("image", image, "wait", false))),
                        new Run("bad-deploy", ops -> ops.ecsDeploy(Map.of("image", image)))),
                "mark-known-good", List.of(
                        new Run("healthy", ops -> ops.markKnownGood(Map.of())),
                        new Run("no-known-good", ops -> ops.markKnownGood(Map.of())),
                        new Run("healthy", ops -> ops.markKnownGood(Map.of("revision", "41")))),
                "rollback", List.of(
                        new Run("bad-deploy", ops -> ops.rollback(Map.of("reason", "5xx after deploy"))),
                        new Run("deployment-in-progress", ops -> ops.rollback(Map.of("target", "previous"))),
                        new Run("healthy", ops -> ops.rollback(Map.of("target", "previous", "reason", "drill"))),
                        new Run("no-known-good", ops -> ops.rollback(Map.of()))),
                "scale", List.of(
                        new Run("healthy", ops -> ops.scale(Map.of("count", "p0"))),
                        new Run("healthy", ops -> ops.scale(Map.of("count", "25"))),
                        new Run("healthy", ops -> ops.scale(Map.of("count", "1"))),
                        new Run("no-autoscaling", ops -> ops.scale(Map.of("count", "+2")))),
                "checklist", List.of(
                        new Run("healthy", ops -> ops.preDeployChecklist(Map.of("image", image))),
                        new Run("stale-backup", ops -> ops.preDeployChecklist(Map.of("image", image, "takeBackup", true))),
                        new Run("scan-findings", ops -> ops.preDeployChecklist(Map.of("image", image, "notify", false)))));
    }

    @Test
    void everyCommandCallsOnlyPortMethodsWhoseActionsItsPolicyGrants() {
        Map<String, List<Run>> runs = runsByCommand(SimEnvironment.scenario("healthy", config));
        assertThat(runs.keySet()).as("every command but the simulation-only demo is exercised")
                .containsExactlyInAnyOrderElementsOf(IamPolicy.commands().stream().filter(c -> !c.equals("demo")).toList());

        for (Map.Entry<String, List<Run>> command : runs.entrySet()) {
            Set<String> called = Collections.synchronizedSet(new TreeSet<>());
            for (Run run : command.getValue()) {
                SimEnvironment sim = SimEnvironment.scenario(run.scenario(), config);
                TdevOps ops = new DefaultTdevOps(new OpsContext(config, recording(sim.ports(), called), sim.clock(),
                        sim.sleeper(), line -> { }, "alice"));
                try {
                    run.call().apply(ops);
                } catch (TdevException expectedOnSomePaths) {
                    // a precondition failing (nothing to roll back to) is a path too: its calls count
                }
            }
            assertThat(called).as("port methods %s called", command.getKey()).isNotEmpty();
            assertThat(IamPolicy.portMethods(command.getKey())).as("port methods IamPolicy lists for %s", command.getKey())
                    .containsAll(called);
            Set<String> unobserved = new TreeSet<>(IamPolicy.portMethods(command.getKey()));
            unobserved.removeAll(called);
            unobserved.removeAll(PATHS_THE_SIMULATION_DOES_NOT_TAKE);
            assertThat(unobserved).as("methods %s is granted but never called (not least privilege)", command.getKey()).isEmpty();

            Set<String> granted = grantedActions(IamPolicy.json(List.of(command.getKey()), config, IamPolicy.Scope.any()));
            for (String method : called) {
                assertThat(AwsActions.of(method)).as("IAM actions of %s", method).isNotEmpty();
                assertThat(granted).as("actions the %s policy grants, for %s", command.getKey(), method)
                        .containsAll(AwsActions.of(method).stream().filter(a -> !AwsActions.ALWAYS_ALLOWED.contains(a)).toList());
            }
        }
    }

    @Test
    void theDemoNeedsNoAwsPermission() {
        assertThat(IamPolicy.portMethods("demo")).isEmpty();
        assertThat(grantedActions(IamPolicy.json(List.of("demo"), config, IamPolicy.Scope.any()))).isEmpty();
    }

    @Test
    void everyMethodOfEveryPortHasItsIamActions() {
        for (RecordComponent port : OpsPorts.class.getRecordComponents()) {
            for (var method : port.getType().getMethods()) {
                if (!method.isDefault() && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    String name = port.getType().getSimpleName() + "." + method.getName();
                    assertThat(AwsActions.of(name)).as("IAM actions of %s", name).isNotEmpty();
                }
            }
        }
    }

    static Set<String> grantedActions(String policyJson) {
        try {
            JsonNode doc = JSON.readTree(policyJson);
            assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
            Set<String> actions = new TreeSet<>();
            for (JsonNode statement : doc.path("Statement")) {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                assertThat(statement.path("Resource").isMissingNode()).as("statement %s has resources", statement).isFalse();
                statement.path("Action").forEach(a -> actions.add(a.asText()));
            }
            return actions;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The same ports, each behind a proxy that records {@code Port.method} of every call. */
    static OpsPorts recording(OpsPorts ports, Set<String> called) {
        try {
            RecordComponent[] components = OpsPorts.class.getRecordComponents();
            Object[] wrapped = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Class<?> type = components[i].getType();
                Object target = components[i].getAccessor().invoke(ports);
                InvocationHandler handler = (proxy, method, args) -> {
                    if (method.getDeclaringClass() != Object.class) {
                        called.add(type.getSimpleName() + "." + method.getName());
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                };
                wrapped[i] = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
            }
            return OpsPorts.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(wrapped);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
