package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LogEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the Logs Insights query language the runbook's queries use, run over events in memory:
 * {@code fields}, {@code filter} (like /regex/, like "text", not like, comparisons), {@code parse} (glob with
 * {@code *} or a regex with named groups), {@code stats} (count, count_distinct, avg, sum, min, max ... by
 * fields or bin(5m); pct(field, N)), {@code sort}, {@code limit}. Anything else is refused naming the command.
 */
final class InsightsQuery {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Pattern LIKE = Pattern.compile("([@\\w.]+)\\s+(not\\s+)?like\\s+(/(.*)/|\"(.*)\")", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPARE = Pattern.compile("([@\\w.]+)\\s*(>=|<=|!=|=|>|<)\\s*(\"?)([^\"]*)\\3");
    private static final Pattern PARSE = Pattern.compile("([@\\w.]+)\\s+(\"(.*)\"\\s+as\\s+(.+)|/(.*)/)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGGREGATE = Pattern.compile("(count_distinct|count|avg|sum|min|max|pct)\\(([^)]*)\\)(\\s+as\\s+(\\w+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BIN = Pattern.compile("bin\\((\\d+)([smh])\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<(\\w+)>");

    private final List<Function<List<Map<String, String>>, List<Map<String, String>>>> stages = new ArrayList<>();
    private List<String> fields;
    private boolean aggregated;

    static InsightsQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query", "must not be empty");
        }
        InsightsQuery q = new InsightsQuery();
        for (String raw : query.split("\\|")) {
            String command = raw.trim();
            if (command.isEmpty()) {
                continue;
            }
            int space = command.indexOf(' ');
            String verb = (space < 0 ? command : command.substring(0, space)).toLowerCase(Locale.ROOT);
            String rest = space < 0 ? "" : command.substring(space + 1).trim();
            switch (verb) {
                case "fields", "display" -> q.fields = splitList(rest);
                case "filter" -> q.stages.add(rows -> rows.stream().filter(filter(rest)).toList());
                case "parse" -> q.stages.add(parser(rest));
                case "stats" -> {
                    q.stages.add(stats(rest));
                    q.aggregated = true;
                }
                case "sort" -> q.stages.add(sort(rest));
                case "limit" -> {
                    int n = parseLimit(rest);
                    q.stages.add(rows -> rows.subList(0, Math.min(n, rows.size())));
                }
                default -> throw InvalidInputException.notAllowed("query command", verb,
                        List.of("fields", "display", "filter", "parse", "stats", "sort", "limit"));
            }
        }
        return q;
    }

    List<Map<String, String>> run(List<LogEvent> events) {
        return run(events, e -> null);
    }

    /** With {@code @log} ("ACCOUNT:LOG-GROUP", as Insights names an event's group) from {@code logOf} when it gives one. */
    List<Map<String, String>> run(List<LogEvent> events, java.util.function.Function<LogEvent, String> logOf) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (LogEvent e : events) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("@timestamp", TIMESTAMP.format(e.timestamp()));
            row.put("@message", e.message());
            row.put("@logStream", e.logStream());
            String log = logOf.apply(e);
            if (log != null) {
                row.put("@log", log);
            }
            rows.add(row);
        }
        for (var stage : stages) {
            rows = new ArrayList<>(stage.apply(rows));
        }
        if (!aggregated) {
            List<String> keep = fields != null ? fields : List.of("@timestamp", "@message");
            rows = rows.stream().map(r -> {
                Map<String, String> out = new LinkedHashMap<>();
                keep.forEach(f -> {
                    if (r.containsKey(f)) {
                        out.put(f, r.get(f));
                    }
                });
                return out;
            }).toList();
        }
        return rows.size() > 10_000 ? rows.subList(0, 10_000) : rows;
    }

    private static Predicate<Map<String, String>> filter(String expr) {
        Matcher like = LIKE.matcher(expr);
        if (like.matches()) {
            String field = like.group(1);
            boolean negate = like.group(2) != null;
            Pattern p = like.group(4) != null ? Pattern.compile(like.group(4)) : Pattern.compile(Pattern.quote(like.group(5)));
            return row -> {
                String v = row.get(field);
                return negate == (v == null || !p.matcher(v).find());
            };
        }
        Matcher cmp = COMPARE.matcher(expr);
        if (cmp.matches()) {
            String field = cmp.group(1);
            String op = cmp.group(2);
            String literal = cmp.group(4);
            return row -> compare(row.get(field), op, literal);
        }
        throw new InvalidInputException("query filter", "got '" + expr
                + "'; the simulation supports: FIELD like /regex/, FIELD like \"text\", FIELD not like ..., FIELD <op> VALUE");
    }

    private static boolean compare(String value, String op, String literal) {
        if (value == null) {
            return false;
        }
        int c;
        try {
            c = Double.compare(Double.parseDouble(value), Double.parseDouble(literal));
        } catch (NumberFormatException e) {
            c = value.compareTo(literal);
        }
        return switch (op) {
            case ">" -> c > 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case "=" -> c == 0;
            default -> c != 0;
        };
    }

    private static Function<List<Map<String, String>>, List<Map<String, String>>> parser(String expr) {
        Matcher m = PARSE.matcher(expr);
        if (!m.matches()) {
            throw new InvalidInputException("query parse", "got '" + expr
                    + "'; allowed forms: parse FIELD \"glob * pattern\" as a, b  or  parse FIELD /regex with (?<name>...)/");
        }
        String field = m.group(1);
        Pattern regex;
        List<String> names = new ArrayList<>();
        if (m.group(3) != null) {
            names.addAll(splitList(m.group(4)));
            StringBuilder sb = new StringBuilder();
            String[] parts = m.group(3).split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                sb.append(Pattern.quote(parts[i]));
                if (i < parts.length - 1) {
                    sb.append(i < names.size() ? "(?<" + groupName(names.get(i)) + ">.*?)" : ".*?");
                }
            }
            regex = Pattern.compile(sb.toString() + (m.group(3).endsWith("*") ? "$" : ""));
        } else {
            regex = Pattern.compile(m.group(5));
            Matcher g = GROUP_NAME.matcher(m.group(5));
            while (g.find()) {
                names.add(g.group(1));
            }
        }
        return rows -> rows.stream().map(r -> {
            Map<String, String> out = new LinkedHashMap<>(r);
            String v = r.get(field);
            Matcher pm = v == null ? null : regex.matcher(v);
            if (pm != null && pm.find()) {
                names.forEach(n -> out.put(n, pm.group(groupName(n))));
            }
            return out;
        }).toList();
    }

    private static String groupName(String field) {
        return field.replaceAll("[^A-Za-z0-9]", "");
    }

    private static Function<List<Map<String, String>>, List<Map<String, String>>> stats(String expr) {
        String lower = expr.toLowerCase(Locale.ROOT);
        int by = lower.lastIndexOf(" by ");
        String aggPart = by < 0 ? expr : expr.substring(0, by);
        List<String> groups = by < 0 ? List.of() : splitList(expr.substring(by + 4));
        List<String[]> aggs = new ArrayList<>();
        Matcher m = AGGREGATE.matcher(aggPart);
        while (m.find()) {
            String name = m.group(4) != null ? m.group(4) : m.group(1) + "(" + m.group(2) + ")";
            aggs.add(new String[]{m.group(1).toLowerCase(Locale.ROOT), m.group(2).trim(), name});
        }
        if (aggs.isEmpty()) {
            throw new InvalidInputException("query stats", "got '" + expr
                    + "'; allowed functions: count, count_distinct, avg, sum, min, max, pct");
        }
        return rows -> {
            Map<List<String>, List<Map<String, String>>> buckets = new LinkedHashMap<>();
            for (Map<String, String> r : rows) {
                List<String> key = groups.stream().map(g -> groupValue(r, g)).toList();
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            List<Map<String, String>> out = new ArrayList<>();
            buckets.forEach((key, members) -> {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < groups.size(); i++) {
                    row.put(groups.get(i), key.get(i));
                }
                for (String[] a : aggs) {
                    row.put(a[2], aggregate(a[0], a[1], members));
                }
                out.add(row);
            });
            return out;
        };
    }

    private static String groupValue(Map<String, String> row, String group) {
        Matcher bin = BIN.matcher(group);
        if (bin.matches()) {
            long n = Long.parseLong(bin.group(1));
            Duration size = switch (bin.group(2).toLowerCase(Locale.ROOT)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            Instant t = Instant.from(TIMESTAMP.parse(row.get("@timestamp")));
            long s = size.getSeconds();
            return TIMESTAMP.format(Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s));
        }
        return row.getOrDefault(group, "");
    }

    private static String aggregate(String fn, String field, List<Map<String, String>> rows) {
        if (fn.equals("count")) {
            return String.valueOf(field.equals("*") || field.isEmpty() ? rows.size()
                    : rows.stream().filter(r -> r.get(field) != null).count());
        }
        if (fn.equals("count_distinct")) {
            return String.valueOf(new HashSet<>(rows.stream().map(r -> r.get(field)).filter(v -> v != null).toList()).size());
        }
        if (fn.equals("pct")) {
            // pct(field, N): the N-th percentile, nearest rank, as Logs Insights computes it
            String[] args = field.split(",");
            double p = Double.parseDouble(args[1].trim());
            double[] sorted = rows.stream().map(r -> r.get(args[0].trim())).filter(v -> v != null).mapToDouble(InsightsQuery::number)
                    .filter(v -> !Double.isNaN(v)).sorted().toArray();
            return sorted.length == 0 ? "" : format(sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)]);
        }
        var values = rows.stream().map(r -> r.get(field)).filter(v -> v != null).map(InsightsQuery::number)
                .filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue);
        var stats = values.summaryStatistics();
        if (stats.getCount() == 0) {
            return "";
        }
        double v = switch (fn) {
            case "avg" -> stats.getAverage();
            case "sum" -> stats.getSum();
            case "min" -> stats.getMin();
            default -> stats.getMax();
        };
        return format(v);
    }

    private static double number(String text) {
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(text);
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static Function<List<Map<String, String>>, List<Map<String, String>>> sort(String expr) {
        String[] parts = expr.trim().split("\\s+");
        String field = parts[0];
        boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
        Comparator<Map<String, String>> byValue = (a, b) -> {
            String x = a.getOrDefault(field, "");
            String y = b.getOrDefault(field, "");
            double nx = x.isEmpty() ? Double.NaN : number(x);
            double ny = y.isEmpty() ? Double.NaN : number(y);
            boolean numeric = !Double.isNaN(nx) && !Double.isNaN(ny) && !field.equals("@timestamp");
            return numeric ? Double.compare(nx, ny) : x.compareTo(y);
        };
        Comparator<Map<String, String>> c = desc ? byValue.reversed() : byValue;
        return rows -> rows.stream().sorted(c).toList();
    }

    private static int parseLimit(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidInputException("query limit", "must be 1..10000, got '" + text + "'");
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
