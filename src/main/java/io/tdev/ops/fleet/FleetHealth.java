package io.tdev.ops.fleet;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.fleet.FleetHealthRequest;
import io.tdev.ops.api.fleet.FleetHealthResult;
import io.tdev.ops.api.fleet.FleetHealthUseCase;
import io.tdev.ops.api.fleet.ServiceHealth;
import io.tdev.ops.health.AlarmScope;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The fleet health run. First, at once: DescribeServices per cluster in batches of 10, one DescribeAlarms sweep
 * (every alarm in ALARM, matched to services by their dimensions, else by name, once the services are read), one DescribeTargetGroups sweep (each target group's load
 * balancer, which the ELB metrics need as a dimension) and the ERROR counts from one Logs Insights query per 50 log
 * groups, or one per five log group name prefixes the services share ({@link ErrorQueries}). Then every service's
 * CPU, memory and target-group HealthyHostCount/UnHealthyHostCount in GetMetricData calls of up to 500 queries. Each service's answers are folded into its {@link ServiceFacts} as they come, so a run
 * holds one small record per service, not the AWS answers.
 */
public final class FleetHealth implements FleetHealthUseCase {
    /** GetMetricData takes at most 500 queries a call. */
    static final int METRIC_QUERIES_PER_CALL = 500;
    /** DescribeServices takes at most 10 services a call. */
    static final int SERVICES_PER_CALL = 10;
    /** CPU and memory are judged on the average of this window of 1-minute averages, as the single-service check does. */
    static final Duration UTILISATION_WINDOW = Duration.ofMinutes(10);
    static final String ERROR_QUERY = "filter @message like /ERROR/ | stats count(*) as errors by @log";
    private static final int PARALLEL_CALLS = 4;

    private final OpsContext ctx;
    private final Budgets budgets;

    public FleetHealth(OpsContext ctx) {
        this.ctx = ctx;
        this.budgets = new Budgets(ctx.config().fleet().rateLimits(), ctx.clock(), ctx.sleeper());
    }

    @Override
    public FleetHealthResult run(FleetHealthRequest request) {
        List<FleetMember> members = FleetMembers.of(request, ctx.config());
        Instant now = ctx.clock().instant();
        Map<String, ServiceFacts> facts = new LinkedHashMap<>();
        members.forEach(m -> facts.put(m.key(), new ServiceFacts(m)));
        Map<String, List<FleetMember>> byCluster = members.stream()
                .collect(Collectors.groupingBy(FleetMember::cluster, LinkedHashMap::new, Collectors.toList()));
        ctx.progress().report("fleet: " + members.size() + " service(s) in " + byCluster.size() + " cluster(s)");

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS, r -> {
            Thread t = new Thread(r, "tdev-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, String> loadBalancerOf = new ConcurrentHashMap<>();
            List<Future<?>> first = new ArrayList<>();
            byCluster.forEach((cluster, list) -> {
                for (int i = 0; i < list.size(); i += SERVICES_PER_CALL) {
                    List<FleetMember> batch = list.subList(i, Math.min(list.size(), i + SERVICES_PER_CALL));
                    first.add(submit(pool, batch, ServiceFacts::ecsUnread, () -> describe(cluster, batch, facts)));
                }
            });
            List<Alarm> inAlarm = new java.util.concurrent.CopyOnWriteArrayList<>();
            boolean[] alarmsRead = {false};
            first.add(submit(pool, members, ServiceFacts::alarmsUnread, () -> {
                inAlarm.addAll(budgets.call("cloudwatch:DescribeAlarms",
                        () -> ctx.ports().alarms().alarms("", Optional.of(AlarmState.ALARM))));
                alarmsRead[0] = true;
            }));
            first.add(submit(pool, members, ServiceFacts::targetsUnread, () -> targetGroups(loadBalancerOf)));
            Map<Integer, List<FleetMember>> byWindow = members.stream().collect(
                    Collectors.groupingBy(FleetMember::errorWindowMinutes, LinkedHashMap::new, Collectors.toList()));
            byWindow.forEach((minutes, list) -> {
                for (ErrorQueries.ErrorQuery q : ErrorQueries.plan(list)) {
                    first.add(submit(pool, q.members(), ServiceFacts::errorsUnread,
                            () -> errors(q, Duration.ofMinutes(minutes), now, facts)));
                }
            });
            awaitAll(first, facts);
            if (alarmsRead[0]) {
                // matched once the services' target groups and their load balancers are known
                members.forEach(m -> facts.get(m.key()).alarms(inAlarm.stream()
                        .filter(a -> a.state() == AlarmState.ALARM)
                        .filter(a -> belongsTo(a, m, facts.get(m.key()), loadBalancerOf)).map(Alarm::name).toList()));
            }

            List<MetricQuery> queries = new ArrayList<>();
            Map<String, MetricTarget> targets = new LinkedHashMap<>();
            int index = 0;
            for (FleetMember m : members) {
                ServiceFacts f = facts.get(m.key());
                index = f.addQueries(index, queries, targets, loadBalancerOf);
            }
            List<Future<?>> second = new ArrayList<>();
            for (int i = 0; i < queries.size(); i += METRIC_QUERIES_PER_CALL) {
                List<MetricQuery> chunk = queries.subList(i, Math.min(queries.size(), i + METRIC_QUERIES_PER_CALL));
                List<FleetMember> affected = chunk.stream().map(q -> targets.get(q.id()).facts().member()).distinct().toList();
                second.add(submit(pool, affected, ServiceFacts::metricsUnread, () -> {
                    List<MetricSeries> series = budgets.call("cloudwatch:GetMetricData",
                            () -> ctx.ports().metrics().query(chunk, now.minus(UTILISATION_WINDOW), now));
                    series.forEach(s -> targets.get(s.id()).accept(s));
                }));
            }
            awaitAll(second, facts);
        } finally {
            pool.shutdownNow();
        }

        List<ServiceHealth> rows = new ArrayList<>();
        facts.values().forEach(f -> rows.add(f.verdict()));
        String status = FleetVerdict.of(rows.stream().map(ServiceHealth::status).toList());
        long notHealthy = rows.stream().filter(r -> !r.status().equals("HEALTHY")).count();
        ctx.progress().report("fleet health of " + ctx.config().name() + ": " + status + " (" + notHealthy + " of "
                + rows.size() + " not HEALTHY)");
        return new FleetHealthResult(ctx.config().name(), status, rows, now);
    }

    /** A piece of work that, when it fails, marks what it would have read as unread for the services it covers. */
    private Future<?> submit(ExecutorService pool, List<FleetMember> covered,
                             java.util.function.BiConsumer<ServiceFacts, String> unread, Runnable work) {
        return pool.submit(() -> {
            try {
                work.run();
            } catch (TdevException e) {
                return new Failure(covered, unread, e.getMessage());
            }
            return null;
        });
    }

    private record Failure(List<FleetMember> covered, java.util.function.BiConsumer<ServiceFacts, String> unread,
                           String why) {
    }

    private static void awaitAll(List<Future<?>> futures, Map<String, ServiceFacts> facts) {
        for (Future<?> f : futures) {
            try {
                if (f.get() instanceof Failure failure) {
                    failure.covered().forEach(m -> failure.unread().accept(facts.get(m.key()), failure.why()));
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("fleet read failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.tdev.ops.model.RemoteFailureException("fleet", "interrupted while reading the fleet", true, e);
            }
        }
    }

    private void describe(String cluster, List<FleetMember> batch, Map<String, ServiceFacts> facts) {
        List<String> names = batch.stream().map(FleetMember::service).toList();
        var states = budgets.call("ecs:DescribeServices", () -> ctx.ports().ecs().describeServices(cluster, names));
        states.forEach(s -> facts.get(cluster + "/" + s.ref().service()).ecs(s));
        batch.forEach(m -> facts.get(m.key()).ecsMissingUnlessRead());
    }

    /**
     * Whose an alarm is: its dimensions when they name an ECS service, a target group or a load balancer (an alarm on
     * another service is never this one's, whatever its name says: {@link AlarmScope}); else its name, when it carries
     * the service's name as a whole word or, for the environment's own service, starts with {@code alarmPrefix}.
     */
    private boolean belongsTo(Alarm a, FleetMember m, ServiceFacts f, Map<String, String> loadBalancerOf) {
        boolean envService = m.service().equals(ctx.config().ecs().service()) && m.cluster().equals(ctx.config().ecs().cluster());
        if (AlarmScope.namesAResource(a)) {
            AlarmScope scope = new AlarmScope(envService ? ctx.config().alarmPrefix() : null, m.cluster(), m.service(),
                    f::targetGroupArns, tg -> loadBalancerOf.containsKey(tg) ? List.of(loadBalancerOf.get(tg)) : List.of());
            return scope.contains(a);
        }
        return carriesWord(a.name(), m.service()) || (envService && a.name().startsWith(ctx.config().alarmPrefix()));
    }

    /** "svc-1-5xx" carries "svc-1"; "svc-10-5xx" and "api-gateway-5xx" do not carry "svc-1" and "api-gate". */
    static boolean carriesWord(String name, String word) {
        for (int at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetterOrDigit(name.charAt(at - 1)))
                    && (end == name.length() || !Character.isLetterOrDigit(name.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private void targetGroups(Map<String, String> loadBalancerOf) {
        List<TargetGroup> groups = budgets.call("elasticloadbalancing:DescribeTargetGroups",
                () -> ctx.ports().targetHealth().targetGroups());
        for (TargetGroup g : groups) {
            if (!g.loadBalancerArns().isEmpty()) {
                loadBalancerOf.put(g.arn(), g.loadBalancerArns().get(0));
            }
        }
    }

    private void errors(ErrorQueries.ErrorQuery q, Duration window, Instant now, Map<String, ServiceFacts> facts) {
        Instant from = now.minus(window);
        List<Map<String, String>> rows = budgets.call("logs:StartQuery", () -> q.byPrefix()
                ? ctx.ports().logs().insightsUnder(q.namePrefixes(), ERROR_QUERY, from, now)
                : ctx.ports().logs().insights(q.logGroups(), ERROR_QUERY, from, now));
        Map<String, Long> byGroup = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String log = row.getOrDefault("@log", "");
            // @log is "ACCOUNT:LOG-GROUP"
            String group = log.contains(":") ? log.substring(log.indexOf(':') + 1) : log;
            byGroup.merge(group, Long.parseLong(row.getOrDefault("errors", "0")), Long::sum);
        }
        for (FleetMember m : q.members()) {
            facts.get(m.key()).errors(byGroup.getOrDefault(m.logGroup(), 0L), window);
        }
    }

    /** Which service a metric query is for, and what to do with its series. */
    record MetricTarget(ServiceFacts facts, Consumer<MetricSeries> sink) {
        void accept(MetricSeries s) {
            sink.accept(s);
        }
    }
}
