package io.tdev.ops.weekly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG chart of daily values: lines or grouped bars, with an objective drawn as a dashed line. Every
 * drawn point carries {@code data-series}, {@code data-date} and {@code data-value}, so a test (or a person's
 * browser tools) can read the numbers back; a day without data is left out and labelled "no data".
 */
final class SvgChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 36;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    /** One series: a name for the legend and the data attributes, and a value per day (null: no data). */
    record Series(String name, String label, List<Double> values) {
    }

    enum Kind { LINE, BARS }

    private final String title;
    private final List<LocalDate> days;
    private final Kind kind;
    private final List<Series> series = new ArrayList<>();
    private Double objective;
    private String objectiveLabel;
    private Double floor;

    SvgChart(String title, List<LocalDate> days, Kind kind) {
        this.title = title;
        this.days = List.copyOf(days);
        this.kind = kind;
    }

    SvgChart series(String name, String label, List<Double> values) {
        series.add(new Series(name, label, values));
        return this;
    }

    SvgChart objective(double value, String label) {
        this.objective = value;
        this.objectiveLabel = label;
        return this;
    }

    /** The y axis starts here instead of 0 (availability lives between 99 and 100). */
    SvgChart floor(double value) {
        this.floor = value;
        return this;
    }

    String render() {
        double max = objective == null ? 0 : objective;
        double min = floor == null ? 0 : floor;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                    min = floor == null ? min : Math.min(min, v);
                }
            }
        }
        double top = max == min ? max + 1 : max + (max - min) * 0.1;
        double bottom = min;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\" class=\"chart\">\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" class=\"title\">").append(Html.escape(title)).append("</text>\n");
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#888\"/>\n");
        for (int tick = 0; tick <= 4; tick++) {
            double value = bottom + (top - bottom) * tick / 4;
            double y = y(value, bottom, top, plotHeight);
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" class=\"tick\">").append(tickLabel(value, top - bottom)).append("</text>\n");
        }
        double slot = (WIDTH - LEFT - RIGHT) / (double) days.size();
        for (int i = 0; i < days.size(); i++) {
            svg.append("<text x=\"").append(fmt(LEFT + slot * (i + 0.5))).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" class=\"tick\">")
                    .append(days.get(i).getDayOfWeek().toString().substring(0, 3)).append(' ')
                    .append(days.get(i).getDayOfMonth()).append("</text>\n");
        }
        if (objective != null) {
            double y = y(objective, bottom, top, plotHeight);
            svg.append("<line class=\"objective\" data-value=\"").append(fmt(objective)).append("\" x1=\"").append(LEFT)
                    .append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"")
                    .append(fmt(y)).append("\" stroke=\"#e377c2\" stroke-dasharray=\"6 4\"/>\n");
            svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(fmt(y - 4))
                    .append("\" text-anchor=\"end\" class=\"tick\">").append(Html.escape(objectiveLabel)).append("</text>\n");
        }
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            svg.append("<g data-series=\"").append(one.name()).append("\" fill=\"").append(colour).append("\">\n");
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < days.size(); i++) {
                Double v = i < one.values().size() ? one.values().get(i) : null;
                if (v == null) {
                    svg.append("<text x=\"").append(fmt(LEFT + slot * (i + 0.5))).append("\" y=\"")
                            .append(HEIGHT - BOTTOM - 6 - 12 * s).append("\" text-anchor=\"middle\" class=\"nodata\">no data</text>\n");
                    continue;
                }
                double y = y(v, bottom, top, plotHeight);
                String data = " data-series=\"" + one.name() + "\" data-date=\"" + days.get(i) + "\" data-value=\""
                        + fmt(v) + "\"";
                if (kind == Kind.BARS) {
                    double width = slot * 0.8 / series.size();
                    double x = LEFT + slot * i + slot * 0.1 + width * s;
                    svg.append("<rect").append(data).append(" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                            .append("\" width=\"").append(fmt(width)).append("\" height=\"")
                            .append(fmt(HEIGHT - BOTTOM - y)).append("\"><title>").append(one.label()).append(' ')
                            .append(days.get(i)).append(": ").append(fmt(v)).append("</title></rect>\n");
                } else {
                    double x = LEFT + slot * (i + 0.5);
                    path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
                    svg.append("<circle").append(data).append(" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                            .append("\" r=\"3.5\"><title>").append(one.label()).append(' ').append(days.get(i))
                            .append(": ").append(fmt(v)).append("</title></circle>\n");
                }
            }
            if (path.length() > 0) {
                svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"/>\n");
            }
            svg.append("<text x=\"").append(LEFT + 8 + 150 * s).append("\" y=\"").append(TOP - 2)
                    .append("\" class=\"legend\">").append(Html.escape(one.label())).append("</text>\n");
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double y(double value, double bottom, double top, int plotHeight) {
        return TOP + plotHeight * (1 - (value - bottom) / (top - bottom));
    }

    private static String tickLabel(double value, double range) {
        return range < 5 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Numbers as written into the page: plain, dot-decimal, at most three decimals. */
    static String fmt(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
