package io.tdev.ops.bench;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The CLI as a user starts it: the real jar in a new JVM per run, timed from process start to exit, for
 * {@code --version}, {@code health --simulate} and {@code health} against an AWS-compatible endpoint on loopback
 * (WireMock answering every call of a health check with realistic responses). Each way of starting it is a row:
 * {@code java -jar} with the JVM's defaults (the baseline), the launcher's JVM flags alone, the class-data-sharing
 * archive alone, and {@code bin/tdev-ops} (both); with {@code -Dbench.baselineJar=JAR}, also that jar (e.g. built
 * from an older commit) with {@code java -jar}. Runs of the rows are interleaved.
 */
final class CliStartupBench {
    /** One way to start the CLI; {@code label} names it in the chart. */
    record Launch(String name, String label, List<String> command) {
    }

    record Row(String command, Launch launch, Samples wallNanos, Samples cpuMillis, int exitCode) {
    }

    private static final String TIME = "/usr/bin/time";

    private final int warmups;
    private final int runs;

    CliStartupBench(int warmups, int runs) {
        this.warmups = warmups;
        this.runs = runs;
    }

    static List<Launch> launches(Path jar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String archive = jar.toString().replaceAll("\\.jar$", ".jsa");
        List<Launch> l = new ArrayList<>();
        String baseline = System.getProperty("bench.baselineJar");
        if (baseline != null) {
            l.add(new Launch("`java -jar` of " + Path.of(baseline).getFileName() + " (before)", "before",
                    List.of(java, "-jar", baseline)));
        }
        l.add(new Launch("`java -jar target/tdev-ops.jar` (baseline)", "java -jar", List.of(java, "-jar", jar.toString())));
        l.add(new Launch("+ C1 only, serial GC", "C1 + serial GC", List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toString())));
        l.add(new Launch("+ CDS archive only", "CDS", List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", jar.toString())));
        l.add(new Launch("`bin/tdev-ops` (CDS + C1 + serial GC)", "bin/tdev-ops", List.of("sh", "bin/tdev-ops")));
        return l;
    }

    List<Row> run(Path jar) throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " not found: run ./mvnw -B -q -Dmaven.test.skip=true package first");
        }
        WireMockServer aws = new WireMockServer(wireMockConfig().dynamicPort().extensions(new MetricDataAnswer()));
        aws.start();
        try {
            stubHealthCheck(aws);
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("--version", List.of("--version"));
            commands.put("health --simulate", List.of("health", "--simulate"));
            commands.put("health (AWS endpoint on loopback)", List.of("health", "--region", "eu-west-1",
                    "--endpoint-url", aws.baseUrl()));
            List<Launch> launches = launches(jar);
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                List<Row> these = new ArrayList<>();
                for (Launch l : launches) {
                    these.add(new Row(c.getKey(), l, new Samples(), new Samples(), -1));
                }
                for (int i = 0; i < warmups + runs; i++) {
                    for (int k = 0; k < launches.size(); k++) {
                        Row r = these.get(k);
                        int exit = time(r, c.getValue(), i >= warmups);
                        these.set(k, new Row(r.command(), r.launch(), r.wallNanos(), r.cpuMillis(), exit));
                    }
                }
                rows.addAll(these);
            }
            return rows;
        } finally {
            aws.stop();
        }
    }

    private static int time(Row row, List<String> args, boolean counted) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        Path cpuFile = null;
        if (Files.isExecutable(Path.of(TIME))) {
            // the process's user + system time, as the shell's time reports it
            cpuFile = Files.createTempFile("tdev-ops-bench", ".time");
            command.addAll(List.of(TIME, "-f", "%U %S", "-o", cpuFile.toString()));
        }
        command.addAll(row.launch().command());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // the SDK's default credentials chain reads these first; no profile, no instance metadata lookups
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().remove("TDEV_OPS_JAVA_OPTS");
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        long wall = System.nanoTime() - t0;
        long cpu = -1;
        if (cpuFile != null) {
            // the last line: before it, time says "Command exited with non-zero status N" when it did
            List<String> lines = Files.readAllLines(cpuFile);
            String[] userSystem = lines.get(lines.size() - 1).strip().split("\\s+");
            cpu = Math.round((Double.parseDouble(userSystem[0]) + Double.parseDouble(userSystem[1])) * 1000);
            Files.delete(cpuFile);
        }
        if (counted) {
            row.wallNanos().add(wall);
            if (cpu >= 0) {
                row.cpuMillis().add(cpu);
            }
        }
        return exit;
    }

    /** A healthy service: every call a health check makes answered as AWS answers it (JSON 1.0/1.1, query, REST-XML). */
    static void stubHealthCheck(WireMockServer aws) {
        String json = "application/x-amz-json-1.1";
        aws.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(400).withHeader("Content-Type", json)
                .withBody("{\"__type\":\"UnknownOperationException\",\"message\":\"not stubbed by the bench\"}")));
        aws.stubFor(target("AmazonEC2ContainerServiceV20141113.DescribeServices").willReturn(ok(json,
                io.tdev.ops.aws.AwsEngineOverTheWireTest.service(3, 3))));
        aws.stubFor(query("DescribeAlarms").willReturn(xml("""
                <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <DescribeAlarmsResult><MetricAlarms/><CompositeAlarms/></DescribeAlarmsResult>
                  <ResponseMetadata><RequestId>0f7e1c2a-0000-4000-8000-00000000a1a1</RequestId></ResponseMetadata>
                </DescribeAlarmsResponse>""")));
        aws.stubFor(query("DescribeTargetHealth").willReturn(xml("""
                <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                  <DescribeTargetHealthResult><TargetHealthDescriptions>
                    <member><TargetHealth><State>healthy</State></TargetHealth><Target><Port>8000</Port><Id>10.0.1.23</Id></Target></member>
                    <member><TargetHealth><State>healthy</State></TargetHealth><Target><Port>8000</Port><Id>10.0.2.41</Id></Target></member>
                    <member><TargetHealth><State>healthy</State></TargetHealth><Target><Port>8000</Port><Id>10.0.3.17</Id></Target></member>
                  </TargetHealthDescriptions></DescribeTargetHealthResult>
                  <ResponseMetadata><RequestId>c534f810-f389-11e5-9192-3fff33344cfa</RequestId></ResponseMetadata>
                </DescribeTargetHealthResponse>""")));
        aws.stubFor(query("GetMetricData").willReturn(xml("").withTransformers(MetricDataAnswer.NAME)));
        Instant t = Instant.now().minus(20, ChronoUnit.MINUTES);
        aws.stubFor(target("Logs_20140328.FilterLogEvents").willReturn(ok(json, "{\"events\":["
                + event(t, "ERROR Generation failed for project 7b0e5c1a-2f4d-4a9e-8c3b-1d2e3f4a5b6c: timeout after 61234 ms") + ","
                + event(t.plusSeconds(40), "ERROR Agent search-agent returned HTTP 429 for request 9f3a2b1c4d5e6f70, retrying in 800 ms")
                + "],\"searchedLogStreams\":[]}")));
        aws.stubFor(target("Logs_20140328.StartQuery").willReturn(ok(json, "{\"queryId\":\"12ab3456-12ab-123a-789e-1234567890ab\"}")));
        aws.stubFor(target("Logs_20140328.GetQueryResults").willReturn(ok(json,
                "{\"results\":[],\"statistics\":{\"recordsMatched\":0.0,\"recordsScanned\":5000.0,\"bytesScanned\":910000.0},"
                        + "\"status\":\"Complete\"}")));
        String json10 = "application/x-amz-json-1.0";
        aws.stubFor(target("DynamoDB_20120810.Scan").willReturn(ok(json10, "{\"Count\":15,\"ScannedCount\":15}")));
        aws.stubFor(target("DynamoDB_20120810.Query").willReturn(ok(json10, "{\"Count\":15,\"ScannedCount\":15}")));
        aws.stubFor(target("DynamoDB_20120810.DescribeTable").willReturn(ok(json10, """
                {"Table": {"TableName": "t-developer-projects-production", "TableStatus": "ACTIVE", "ItemCount": 15,
                  "TableSizeBytes": 48213, "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}}""")));
        aws.stubFor(get(urlPathMatching("/[a-z0-9.-]+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                        <Name>t-developer-projects-production</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>
                        <IsTruncated>false</IsTruncated>
                        <Contents><Key>projects/p-17/app.zip</Key><LastModified>2026-11-25T12:00:00.000Z</LastModified>
                        <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>1048576</Size><StorageClass>STANDARD</StorageClass></Contents>
                        <Contents><Key>projects/p-18/app.zip</Key><LastModified>2026-11-25T08:00:00.000Z</LastModified>
                        <ETag>&quot;1c2cf535f27731c974343645a3985399&quot;</ETag><Size>2048</Size><StorageClass>STANDARD</StorageClass></Contents>
                        </ListBucketResult>""")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder target(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String type, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static String event(Instant at, String message) {
        return "{\"timestamp\":" + at.toEpochMilli() + ",\"ingestionTime\":" + (at.toEpochMilli() + 900)
                + ",\"logStreamName\":\"ecs/backend/0f2a\",\"message\":\"" + message + "\",\"eventId\":\"3113262927494551977980532285720373558671445464"
                + at.toEpochMilli() + "\"}";
    }

    /**
     * Answers a GetMetricData as CloudWatch does: one result per query the request names, under the query's id, with
     * a series that fits its metric (S3's storage metrics one point a day, a day late; the rest one a minute).
     */
    static final class MetricDataAnswer implements com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2 {
        static final String NAME = "metric-data-answer";

        @Override
        public com.github.tomakehurst.wiremock.http.ResponseDefinition transform(
                com.github.tomakehurst.wiremock.stubbing.ServeEvent event) {
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but().withBody(metricData(form(event.getRequest().getBodyAsString()))).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** The results of the queries {@code MetricDataQueries.member.N.Id} of a GetMetricData form. */
    static String metricData(Map<String, String> form) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        StringBuilder members = new StringBuilder();
        for (int n = 1; form.containsKey("MetricDataQueries.member." + n + ".Id"); n++) {
            String query = "MetricDataQueries.member." + n + ".";
            String id = form.get(query + "Id");
            String metric = form.getOrDefault(query + "MetricStat.Metric.MetricName", "");
            members.append(switch (metric) {
                case "BucketSizeBytes" -> member(id, day, 86_400, 5.36870912E9);
                case "NumberOfObjects" -> member(id, day, 86_400, 18234.0);
                case "MemoryUtilization" -> member(id, minute, 60, 52.0, 53.5, 51.25, 52.75);
                default -> member(id, minute, 60, 38.5, 41.0, 44.25, 40.0);
            });
        }
        return "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults>" + members + "</MetricDataResults><Messages/></GetMetricDataResult>"
                + "<ResponseMetadata><RequestId>3f1e2a8b-0c4d-4e5f-9a6b-7c8d9e0f1a2b</RequestId></ResponseMetadata>"
                + "</GetMetricDataResponse>";
    }

    private static String member(String id, Instant from, int stepSeconds, double... values) {
        StringBuilder ts = new StringBuilder();
        StringBuilder vs = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            ts.append("<member>").append(from.plusSeconds((long) i * stepSeconds)).append("</member>");
            vs.append("<member>").append(values[i]).append("</member>");
        }
        return "<member><Id>" + id + "</Id><Label>" + id + "</Label><Timestamps>" + ts + "</Timestamps><Values>" + vs
                + "</Values><StatusCode>Complete</StatusCode></member>";
    }

    static String markdown(List<Row> rows, BarChart chart) {
        MarkdownTable t = new MarkdownTable("command", "started with", "runs", "median wall", "p90", "CPU (median)",
                "exit", "wall vs baseline");
        Map<String, Long> baseline = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.launch().name().endsWith("(baseline)")) {
                baseline.put(r.command(), r.wallNanos().median());
            }
        }
        String last = null;
        for (Row r : rows) {
            t.row(r.command().equals(last) ? "" : r.command(), r.launch().name(), r.wallNanos().count(),
                    MarkdownTable.ms(r.wallNanos().median()), MarkdownTable.p90(r.wallNanos()),
                    r.cpuMillis().count() == 0 ? "-" : r.cpuMillis().median() + " ms", r.exitCode(),
                    MarkdownTable.ratio((double) r.wallNanos().median() / baseline.get(r.command())));
            if (!r.command().equals(last)) {
                chart.category(r.command());
            }
            chart.value(r.launch().label(), r.wallNanos().median() / 1e6);
            last = r.command();
        }
        return t.render();
    }

    static String headline(List<Row> rows) {
        List<String> parts = new ArrayList<>();
        Map<String, Row> base = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.launch().name().endsWith("(baseline)")) {
                base.put(r.command(), r);
            }
        }
        for (Row r : rows) {
            if (r.launch().name().startsWith("`bin/tdev-ops`")) {
                Row b = base.get(r.command());
                parts.add(String.format(Locale.ROOT, "%s %s with bin/tdev-ops vs %s with java -jar (%.2fx)", r.command(),
                        MarkdownTable.ms(r.wallNanos().median()), MarkdownTable.ms(b.wallNanos().median()),
                        (double) r.wallNanos().median() / b.wallNanos().median()));
            }
        }
        return "CLI start: " + String.join("; ", parts);
    }

    /** Goal 2 of issue 14: bin/tdev-ops against the java -jar baseline (and the older jar, when given). */
    static List<RunAll.Goal> goals(List<Row> rows) {
        List<RunAll.Goal> goals = new ArrayList<>();
        for (Row r : rows) {
            if (!r.launch().name().startsWith("`bin/tdev-ops`") || r.command().startsWith("health --simulate")) {
                continue;
            }
            boolean version = r.command().equals("--version");
            long limit = version ? 250_000_000L : 900_000_000L;
            StringBuilder baseline = new StringBuilder();
            double ratio = Double.NaN;
            for (Row b : rows) {
                if (b.command().equals(r.command()) && !b.launch().name().startsWith("+") && b != r) {
                    baseline.append(baseline.length() == 0 ? "" : "; ").append(MarkdownTable.ms(b.wallNanos().median()))
                            .append(" with ").append(b.launch().name());
                    if (b.launch().name().endsWith("(baseline)")) {
                        ratio = (double) r.wallNanos().median() / b.wallNanos().median();
                    }
                }
            }
            goals.add(new RunAll.Goal("2. sub-second CLI: `tdev-ops " + r.command() + "`",
                    MarkdownTable.ms(r.wallNanos().median()) + " (p90 " + MarkdownTable.p90(r.wallNanos()) + ")",
                    baseline.toString(), MarkdownTable.ratio(ratio), "<= " + limit / 1_000_000 + " ms",
                    r.wallNanos().median() <= limit));
        }
        return goals;
    }

    static Path defaultJar() {
        return Path.of("target", "tdev-ops.jar").toAbsolutePath();
    }
}
