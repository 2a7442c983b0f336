package io.tdev.ops.fleet;

import io.tdev.ops.port.Logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a fleet's ERROR counts are read in as few Logs Insights queries as the API allows. StartQuery takes at most 50
 * log group names, so 1,000 services named one by one would be 20 queries; but a query may instead choose its groups
 * by name prefix ({@code SOURCE logGroups(namePrefix: [...])}, up to five prefixes), and a fleet's services usually
 * log under one prefix ({@code fleet.logGroupPrefix}, {@code /ecs/} + service). So every prefix that more than one
 * query's worth of members log under is read by prefix, five prefixes a query; the rest (a group named in config, a
 * few services under a prefix) by name, 50 a query. A prefix query also scans the prefix's groups that are not in the
 * fleet (their counts are dropped): fewer calls for more bytes scanned, worth it only past 50 groups.
 */
final class ErrorQueries {
    /** StartQuery takes at most 50 log group names. */
    static final int LOG_GROUPS_PER_QUERY = 50;

    /** One query: by {@code namePrefixes} when there are any, else by the members' {@code logGroups}. */
    record ErrorQuery(List<String> namePrefixes, List<String> logGroups, List<FleetMember> members) {
        boolean byPrefix() {
            return !namePrefixes.isEmpty();
        }
    }

    private ErrorQueries() {
    }

    /** The queries that together count the ERRORs of every member (all of one error window). */
    static List<ErrorQuery> plan(List<FleetMember> members) {
        Map<String, List<FleetMember>> byPrefix = new LinkedHashMap<>();
        List<FleetMember> byName = new ArrayList<>();
        for (FleetMember m : members) {
            if (m.logGroupPrefix().isEmpty()) {
                byName.add(m);
            } else {
                byPrefix.computeIfAbsent(m.logGroupPrefix(), p -> new ArrayList<>()).add(m);
            }
        }
        List<String> prefixes = new ArrayList<>();
        List<FleetMember> underPrefixes = new ArrayList<>();
        byPrefix.forEach((prefix, list) -> {
            if (list.size() > LOG_GROUPS_PER_QUERY) {
                prefixes.add(prefix);
                underPrefixes.addAll(list);
            } else {
                byName.addAll(list);
            }
        });
        List<ErrorQuery> queries = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i += Logs.MAX_QUERY_PREFIXES) {
            List<String> these = prefixes.subList(i, Math.min(prefixes.size(), i + Logs.MAX_QUERY_PREFIXES));
            queries.add(new ErrorQuery(List.copyOf(these), List.of(),
                    underPrefixes.stream().filter(m -> these.contains(m.logGroupPrefix())).toList()));
        }
        for (int i = 0; i < byName.size(); i += LOG_GROUPS_PER_QUERY) {
            List<FleetMember> chunk = byName.subList(i, Math.min(byName.size(), i + LOG_GROUPS_PER_QUERY));
            queries.add(new ErrorQuery(List.of(), chunk.stream().map(FleetMember::logGroup).distinct().toList(),
                    List.copyOf(chunk)));
        }
        return queries;
    }
}
