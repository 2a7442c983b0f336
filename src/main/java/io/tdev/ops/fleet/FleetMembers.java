package io.tdev.ops.fleet;

import io.tdev.ops.api.fleet.FleetHealthRequest;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a request (named services, or the configured fleet) into the members a run checks, with their thresholds. */
final class FleetMembers {
    private FleetMembers() {
    }

    static List<FleetMember> of(FleetHealthRequest request, EnvironmentConfig config) {
        List<FleetMember> members = new ArrayList<>();
        if (request.services().isEmpty()) {
            List<EnvironmentConfig.FleetCluster> clusters = config.fleet().clusters();
            if (clusters.isEmpty()) {
                throw new InvalidInputException("services", "got none, and the " + config.name()
                        + " config lists no fleet.clusters; allowed: services by name (--services a,b,c) or a config"
                        + " with fleet.clusters");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (EnvironmentConfig.FleetCluster c : clusters) {
                for (String s : c.services()) {
                    if (seen.add(c.name() + "/" + s)) {
                        members.add(member(c.name(), s, config));
                    }
                }
            }
            return members;
        }
        for (String s : request.services()) {
            int slash = s.indexOf('/');
            members.add(slash < 0 ? member(config.ecs().cluster(), s, config)
                    : member(s.substring(0, slash), s.substring(slash + 1), config));
        }
        return members;
    }

    private static FleetMember member(String cluster, String service, EnvironmentConfig config) {
        Optional<EnvironmentConfig.FleetCluster> c = config.fleet().clusters().stream()
                .filter(x -> x.name().equals(cluster)).findFirst();
        EnvironmentConfig.HealthSettings h = config.health();
        boolean envService = service.equals(config.ecs().service()) && cluster.equals(config.ecs().cluster());
        String prefix = envService ? ""
                : c.map(EnvironmentConfig.FleetCluster::logGroupPrefix).orElse(config.fleet().logGroupPrefix());
        return new FleetMember(cluster, service, envService ? config.logGroup() : prefix + service, prefix,
                c.map(EnvironmentConfig.FleetCluster::cpuPercent).orElse(config.slo().cpuPercent()),
                c.map(EnvironmentConfig.FleetCluster::memoryPercent).orElse(config.slo().memoryPercent()),
                c.map(EnvironmentConfig.FleetCluster::errorEventsDegraded).orElse(h.errorEventsDegraded()),
                c.map(EnvironmentConfig.FleetCluster::errorEventsUnhealthy).orElse(h.errorEventsUnhealthy()),
                h.errorWindowMinutes());
    }
}
