package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.health.HealthResult;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One step's result as the build page shows it: a title ("health check", "rollback", "pre-deploy checklist"), the
 * verdict, one line of detail, and rows (signals, checklist items) of name, status and evidence. Built from the
 * engine's result, so the page shows the engine's words; plain strings only, kept in build.xml.
 */
public final class ResultEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String title;
    private final String verdict;
    private final String detail;
    private final List<Row> rows;

    ResultEntry(String title, String verdict, String detail, List<Row> rows) {
        this.title = title;
        this.verdict = verdict;
        this.detail = detail;
        this.rows = List.copyOf(rows);
    }

    /** tdevHealthCheck: status, reasons, and each signal with its value, threshold and evidence. */
    static ResultEntry health(HealthResult result) {
        List<Row> rows = new ArrayList<>();
        for (var signal : result.signals()) {
            rows.add(new Row(signal.name(), text(signal.status()), join(text(signal.value()),
                    signal.threshold() != null ? "threshold " + signal.threshold() : "", text(signal.evidence()))));
        }
        String detail = result.reasons().isEmpty() ? "checked at " + text(result.checkedAt())
                : String.join("; ", result.reasons());
        return new ResultEntry("health check", text(result.status()), detail, rows);
    }

    /** tdevPreDeployChecklist: passed or not, and each item with its evidence (a waiver's reason and who). */
    static ResultEntry checklist(ChecklistResult result) {
        List<Row> rows = new ArrayList<>();
        for (ChecklistItem item : result.items()) {
            String waived = item.reason() != null ? "waived: " + item.reason()
                    + (item.by() != null ? " (by " + item.by() + ")" : "") : "";
            rows.add(new Row(item.name(), text(item.status()), join(text(item.evidence()), waived)));
        }
        return new ResultEntry("pre-deploy checklist", result.passed() ? "PASSED" : "FAILED",
                rows.stream().filter(r -> "FAIL".equals(r.getStatus())).map(Row::getName).reduce((a, b) -> a + ", " + b)
                        .map(failed -> "failed: " + failed).orElse("every item passed, was waived or skipped"), rows);
    }

    /** tdevRollback: from which revision to which, its status, why, and the engine's message. */
    static ResultEntry rollback(RollbackResult result) {
        String detail = text(result.from()) + " \u2192 " + text(result.to())
                + (result.reason() != null ? " (" + result.reason() + ")" : "")
                + (result.message() != null ? ": " + result.message() : "");
        return new ResultEntry("rollback", text(result.status()), detail, List.of());
    }

    public String getTitle() {
        return title;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getDetail() {
        return detail;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** A signal or checklist item. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final String status;
        private final String evidence;

        Row(String name, String status, String evidence) {
            this.name = name;
            this.status = status;
            this.evidence = evidence;
        }

        public String getName() {
            return name;
        }

        public String getStatus() {
            return status;
        }

        public String getEvidence() {
            return evidence;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isEmpty()) {
                joined.append(joined.length() > 0 ? "; " : "").append(part);
            }
        }
        return joined.toString();
    }
}
