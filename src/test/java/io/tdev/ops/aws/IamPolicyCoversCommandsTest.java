package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.cli.CliOutput;
import io.tdev.ops.cli.Main;
import io.tdev.ops.api.OpenContext;
import io.tdev.ops.cli.SessionFactory;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import picocli.CommandLine;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof (2): each CLI command line, run against the simulated environment in the scenarios that take its
 * different paths, with every port wrapped in a recording proxy, calls only port methods its IAM policy covers
 * (and every method the policy covers is called), and every IAM action those methods' adapters call is in the
 * policy printed for that command alone.
 */
class IamPolicyCoversCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EnvironmentConfig config = TestConfigs.production();
    /** The checklist starts a scan only for an image ECR never scanned; the simulation has a scan of every image. */
    private static final Set<String> PATHS_THE_SIMULATION_DOES_NOT_TAKE = Set.of("ImageScans.startScan");

    /** One run of a command line: the simulated scenario it starts from and the command's own arguments. */
    private record Run(String scenario, String... args) {
    }

    private static Map<String, List<Run>> runsByCommand() {
        String image = SimEnvironment.scenario("healthy", TestConfigs.production()).imageUri("2.0.50");
        return Map.ofEntries(
                Map.entry("health", List.of(
                        new Run("healthy", "health"),
                        new Run("alarm-storm", "health", "--baseline-time", "2026-01-01T08:00:00Z"),
                        new Run("bad-deploy", "health", "--output", "json"),
                        new Run("new-bucket", "health"),
                        new Run("alarms-by-dimension", "health"),
                        // fleet runs: 24 log groups are named in one query, 120 are chosen by their prefix
                        new Run("fleet", "health", "--services", fleet(24)),
                        new Run("large-fleet", "health", "--services", fleet(120)))),
                Map.entry("deploy", List.of(
                        new Run("healthy", "deploy", "--image", image),
                        new Run("healthy", "deploy", "--image", image, "--no-wait"),
                        new Run("bad-deploy", "deploy", "--image", image))),
                Map.entry("mark-known-good", List.of(
                        new Run("healthy", "mark-known-good"),
                        new Run("no-known-good", "mark-known-good"),
                        new Run("healthy", "mark-known-good", "--revision", "41"))),
                Map.entry("rollback", List.of(
                        new Run("bad-deploy", "rollback", "--reason", "5xx after deploy"),
                        new Run("deployment-in-progress", "rollback", "--target", "previous"),
                        new Run("healthy", "rollback", "--target", "previous", "--reason", "drill"),
                        new Run("no-known-good", "rollback"))),
                Map.entry("scale", List.of(
                        new Run("healthy", "scale", "--count", "p0"),
                        new Run("healthy", "scale", "--count", "1", "--force"),
                        new Run("no-autoscaling", "scale", "--count", "+2"))),
                Map.entry("weekly-report", List.of(
                        new Run("healthy", "weekly-report"),
                        new Run("slo-missed", "weekly-report", "--week-ending", "2026-11-15"),
                        new Run("slo-missed", "weekly-report", "--notify-team"))),
                Map.entry("maintenance", List.of(
                        new Run("needs-maintenance", "maintenance", "--dry-run"),
                        new Run("needs-maintenance", "maintenance", "--apply-lifecycle"),
                        new Run("healthy", "maintenance"))),
                Map.entry("checklist", List.of(
                        new Run("healthy", "checklist", "--image", image),
                        new Run("stale-backup", "checklist", "--image", image, "--take-backup"),
                        new Run("scan-findings", "checklist", "--image", image, "--no-notify"),
                        new Run("alarms-by-dimension", "checklist", "--image", image, "--no-notify"))),
                Map.entry("security-check", List.of(
                        new Run("healthy", "security-check"),
                        new Run("open-port-22", "security-check", "--window-hours", "6"))),
                Map.entry("backup", List.of(
                        new Run("healthy", "backup", "--verify"),
                        new Run("healthy", "backup", "--list"),
                        new Run("healthy", "backup", "--dry-run"))),
                Map.entry("restore", List.of(
                        new Run("healthy", "restore", "--backup", "latest", "--target-table", "t-developer-restored"),
                        new Run("healthy", "restore", "--backup", "latest", "--target-table", "t-developer-restored",
                                "--dry-run"))),
                Map.entry("dr-check", List.of(
                        new Run("healthy", "dr-check"),
                        new Run("missing-replication", "dr-check", "--output", "json"))),
                Map.entry("failover", List.of(
                        new Run("primary-unhealthy", "failover", "--to", "secondary"),
                        new Run("healthy", "failover", "--to", "primary"))),
                Map.entry("db-resize", List.of(
                        new Run("healthy", "db-resize", "--instance-class", "db.r6g.xlarge", "--apply-immediately"))),
                Map.entry("load-watch", List.of(
                        new Run("load-test", "load-watch", "--duration", "3m"))),
                Map.entry("traffic-event", List.of(
                        new Run("healthy", "traffic-event", "prepare", "--tasks", "10", "--instance-class", "db.r6g.xlarge"),
                        new Run("traffic-event-prepared", "traffic-event", "restore"))),
                Map.entry("incident", List.of(
                        new Run("outage-after-deploy", "incident", "--level", "P0", "--apply", "rollback"),
                        new Run("traffic-spike", "incident", "--level", "P0", "--apply", "scale"),
                        new Run("deployment-in-progress", "incident", "--level", "P0", "--apply", "rollback"),
                        new Run("cache-degraded", "incident", "--level", "P1", "--apply", "all"),
                        new Run("failing-agent", "incident", "--level", "P2", "--apply", "restart-agent"),
                        new Run("failing-agent", "incident", "--level", "P2", "--apply", "restart-agent", "--config",
                                restartByEcsTasks()))),
                Map.entry("clear-cache", List.of(new Run("cache-degraded", "clear-cache", "--reason", "P1"))),
                Map.entry("restart-agent", List.of(new Run("failing-agent", "restart-agent", "--agent", "search"),
                        new Run("failing-agent", "restart-agent", "--agent", "search", "--config", restartByEcsTasks()))),
                Map.entry("invalidate-sessions", List.of(new Run("healthy", "invalidate-sessions"))),

                Map.entry("rotate-secret", List.of(
                        new Run("healthy", "rotate-secret"),
                        new Run("stale-secret", "rotate-secret"),
                        new Run("healthy", "rotate-secret", "--dry-run"))),
                Map.entry("lockdown-bucket", List.of(
                        new Run("healthy", "lockdown-bucket"),
                        new Run("healthy", "lockdown-bucket", "--dry-run"),
                        new Run("bucket-locked-down", "lockdown-bucket", "--restore"))));
    }

    /** A --config file: restart-agent stops the agent's ECS tasks instead of calling the admin endpoint. */
    private static String restartByEcsTasks() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("restart-by-ecs-tasks", ".yaml");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, "incident:\n  restartAgent:\n    via: ecs-tasks\n");
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** svc-0001,...: the simulation's fleet services, odd ones in the environment's cluster, even ones in the batch one. */
    private static String fleet(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add((i % 2 == 0 ? "t-developer-batch-production/" : "") + String.format("svc-%04d", i));
        }
        return String.join(",", names);
    }

    @Test
    void theHealthPolicyCoversWhatAFleetRunReadsBeyondTheEnvironmentsOwnService() {
        EnvironmentConfig withFleet = config.withFleet(new EnvironmentConfig.FleetSettings(config.fleet().rateLimits(),
                "/ecs/", List.of(new EnvironmentConfig.FleetCluster("t-developer-batch-production", List.of("svc-0002"),
                        "/batch/", 80, 85, 10, 50))));
        List<IamPolicy.Statement> health = IamPolicy.statements(List.of("health"), withFleet,
                new IamPolicy.Scope("eu-west-1", "123456789012", "*", List.of()));

        assertThat(health).filteredOn(st -> st.actions().contains("ecs:DescribeServices")).flatExtracting(
                IamPolicy.Statement::resources).contains(
                "arn:aws:ecs:eu-west-1:123456789012:service/t-developer-cluster-production/*",
                "arn:aws:ecs:eu-west-1:123456789012:service/t-developer-batch-production/*");
        assertThat(health).filteredOn(st -> st.actions().contains("logs:StartQuery")).flatExtracting(
                IamPolicy.Statement::resources).containsExactlyInAnyOrder(
                "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/t-developer-production",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/t-developer-production:*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/batch/*");
        assertThat(health).flatExtracting(IamPolicy.Statement::actions).contains("logs:GetQueryResults",
                "logs:StopQuery", "elasticloadbalancing:DescribeTargetGroups", "cloudwatch:GetMetricData");
        // the incident command's Logs Insights stays on the environment's own log group
        assertThat(IamPolicy.statements(List.of("incident"), withFleet, IamPolicy.Scope.any()))
                .filteredOn(st -> st.actions().contains("logs:StartQuery")).flatExtracting(IamPolicy.Statement::resources)
                .noneMatch(r -> r.endsWith("/batch/*") || r.endsWith(":log-group:/ecs/*"));
    }

    /** Runs {@code tdev-ops ARGS --simulate --scenario S} with the ports behind recording proxies; the exit code. */
    private static int runCommandLine(Run run, Set<String> called, List<String> sessionsOpened) {
        SessionFactory recordingSim = (common, aws, progress) -> {
            EnvironmentConfig config = ConfigLoader.load(common.env(), common.config());
            SimEnvironment sim = SimEnvironment.scenario(common.scenario(), config);
            sessionsOpened.add(common.scenario());
            OpsContext context = new OpsContext(config, recording(sim.ports(), called), sim.clock(), sim.sleeper(),
                    progress, "alice");
            return new OpenContext(context, null);
        };
        List<String> argv = new ArrayList<>(List.of(run.args()));
        if (run.scenario() != null) {
            argv.addAll(List.of("--simulate", "--scenario", run.scenario()));
        }
        CliOutput printed = CliOutput.ofLatestRun();
        int code = printed.run(Main.commandLine(new Main(recordingSim)), argv.toArray(String[]::new));
        assertThat(code).as("exit code of %s (2 = the test's command line is wrong):%n%s%s", argv, printed.out(),
                printed.err()).isNotEqualTo(2);
        return code;
    }

    @Test
    void everyCommandCallsOnlyPortMethodsWhoseActionsItsPolicyGrants() {
        Map<String, List<Run>> runs = runsByCommand();
        assertThat(runs.keySet()).as("every command but the simulation-only demo is exercised")
                .containsExactlyInAnyOrderElementsOf(IamPolicy.commands().stream().filter(c -> !c.equals("demo")).toList());

        for (Map.Entry<String, List<Run>> command : runs.entrySet()) {
            Set<String> called = Collections.synchronizedSet(new TreeSet<>());
            List<String> sessions = new ArrayList<>();
            for (Run run : command.getValue()) {
                runCommandLine(run, called, sessions);
            }
            assertThat(sessions).as("sessions opened by %s", command.getKey()).hasSize(command.getValue().size());
            assertThat(called).as("port methods %s called", command.getKey()).isNotEmpty();
            assertThat(IamPolicy.portMethods(command.getKey())).as("port methods IamPolicy lists for %s", command.getKey())
                    .containsAll(called);
            Set<String> unobserved = new TreeSet<>(IamPolicy.portMethods(command.getKey()));
            unobserved.removeAll(called);
            unobserved.removeAll(PATHS_THE_SIMULATION_DOES_NOT_TAKE);
            assertThat(unobserved).as("methods %s is granted but never called (not least privilege)", command.getKey()).isEmpty();

            Set<String> granted = grantedActions(IamPolicy.json(List.of(command.getKey()), config, IamPolicy.Scope.any()));
            for (String method : called) {
                assertThat(AwsActions.of(method, config)).as("IAM actions of %s", method).isNotEmpty();
                assertThat(granted).as("actions the %s policy grants, for %s", command.getKey(), method)
                        .containsAll(AwsActions.of(method, config).stream().filter(a -> !AwsActions.ALWAYS_ALLOWED.contains(a)).toList());
            }
        }
    }

    @Test
    void theDemoNeedsNoAwsPermission() {
        Set<String> called = Collections.synchronizedSet(new TreeSet<>());
        List<String> sessions = new ArrayList<>();

        assertThat(runCommandLine(new Run(null, "demo"), called, sessions)).isZero();

        assertThat(sessions).as("the demo opens no environment session: it builds its own simulation").isEmpty();
        assertThat(IamPolicy.portMethods("demo")).isEmpty();
        assertThat(grantedActions(IamPolicy.json(List.of("demo"), config, IamPolicy.Scope.any()))).isEmpty();
    }

    @Test
    void everyMethodOfEveryPortHasItsIamActions() {
        for (RecordComponent port : OpsPorts.class.getRecordComponents()) {
            for (var method : port.getType().getMethods()) {
                String name = port.getType().getSimpleName() + "." + method.getName();
                if (!method.isDefault() && !java.lang.reflect.Modifier.isStatic(method.getModifiers())
                        && !AwsActions.NOT_AWS.contains(name)) {
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
