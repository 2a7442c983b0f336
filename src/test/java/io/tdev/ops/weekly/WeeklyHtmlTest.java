package io.tdev.ops.weekly;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.report.JsonReport;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML page parsed as XML: self-contained (no external script, style, font or image), the SLO table, and every
 * chart point equal to the JSON's daily numbers.
 */
class WeeklyHtmlTest {
    private static JsonNode json;
    private static Document page;
    private static String html;

    @BeforeAll
    static void renderTheSloMissedWeek() throws Exception {
        SimEnvironment sim = SimEnvironment.scenario("slo-missed", TestConfigs.production());
        WeeklyReportResult result = WeeklyReportUseCase.over(new OpsContext(sim.config(), sim.ports(), sim.clock(),
                sim.sleeper(), Progress.NONE, "alice")).run(WeeklyReportRequest.lastWeek());
        json = new ObjectMapper().readTree(JsonReport.render(PlainValues.of(result)));
        html = WeeklyHtml.render(result);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        page = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** date → value of the points of one series, as drawn. */
    private static Map<String, Double> drawn(String series) {
        Map<String, Double> points = new LinkedHashMap<>();
        for (String tag : List.of("circle", "rect")) {
            NodeList nodes = page.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (series.equals(e.getAttribute("data-series"))) {
                    points.put(e.getAttribute("data-date"), Double.parseDouble(e.getAttribute("data-value")));
                }
            }
        }
        return points;
    }

    private static Map<String, Double> fromJson(JsonNode daily, String field) {
        Map<String, Double> points = new LinkedHashMap<>();
        daily.forEach(d -> {
            if (!d.get(field).isNull()) {
                points.put(d.get("date").asText(), d.get(field).asDouble());
            }
        });
        return points;
    }

    @Test
    void theIncidentsTableHasARowPerJsonIncident() {
        Element table = (Element) page.getElementsByTagName("table").item(1);
        assertThat(table.getAttribute("id")).isEqualTo("incidents");
        NodeList rows = table.getElementsByTagName("tr");
        List<String> drawnAt = new java.util.ArrayList<>();
        for (int i = 1; i < rows.getLength(); i++) {
            drawnAt.add(((Element) rows.item(i)).getAttribute("data-at"));
        }
        List<String> jsonAt = new java.util.ArrayList<>();
        json.get("incidents").forEach(i -> jsonAt.add(i.get("at").asText()));
        assertThat(drawnAt).hasSize(4).isEqualTo(jsonAt);
        assertThat(table.getTextContent()).contains("ROLLBACK_SUCCESSFUL", "t-developer-production-alb-5xx");
    }

    @Test
    void pipelineChartPointsAreTheJsonsDailyAverageAndP95AgainstThe45SecondLine() {
        assertThat(drawn("pipeline-average")).hasSize(7)
                .isEqualTo(fromJson(json.get("pipeline").get("daily"), "averageSeconds"));
        assertThat(drawn("pipeline-p95")).isEqualTo(fromJson(json.get("pipeline").get("daily"), "p95Seconds"));
        assertThat(drawn("pipeline-p95").get("2026-11-18")).isGreaterThan(45);
        List<Double> objectives = new ArrayList<>();
        NodeList lines = page.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if ("objective".equals(line.getAttribute("class"))) {
                objectives.add(Double.parseDouble(line.getAttribute("data-value")));
            }
        }
        assertThat(objectives).containsExactly(45.0, 99.5);
    }

    @Test
    void generationBarsAreTheJsonsDailySuccessesAndFailures() {
        assertThat(drawn("generations-success")).hasSize(7)
                .isEqualTo(fromJson(json.get("generations").get("daily"), "success"));
        assertThat(drawn("generations-failure")).isEqualTo(fromJson(json.get("generations").get("daily"), "failure"));
    }

    @Test
    void availabilityPointsAreTheJsonsDailyAvailability() {
        assertThat(drawn("availability")).hasSize(7)
                .isEqualTo(fromJson(json.get("availability").get("daily"), "percent"));
        assertThat(drawn("availability").get("2026-11-18")).isLessThan(99.5);
    }

    @Test
    void theSloTableSaysMetOrMissedWithTheChangeToLastWeek() {
        NodeList rows = page.getElementsByTagName("tr");
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, String> change = new LinkedHashMap<>();
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            if (!row.getAttribute("data-slo").isEmpty()) {
                NodeList cells = row.getElementsByTagName("td");
                status.put(row.getAttribute("data-slo"), cells.item(5).getTextContent());
                change.put(row.getAttribute("data-slo"), cells.item(4).getTextContent());
            }
        }
        assertThat(status).containsEntry("availability", "missed").containsEntry("pipeline-p95", "missed")
                .containsEntry("error-rate", "missed").containsEntry("cpu", "met").containsEntry("memory", "met");
        assertThat(change.get("error-rate")).startsWith("+");
    }

    @Test
    void thePageIsSelfContained() {
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(page.getElementsByTagName("link").getLength()).isZero();
        assertThat(page.getElementsByTagName("img").getLength()).isZero();
        assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(3);
        assertThat(html).doesNotContain("http://www.w3.org/1999/xlink").doesNotContain("https://")
                .doesNotContain("@import").doesNotContain("url(");
    }
}
