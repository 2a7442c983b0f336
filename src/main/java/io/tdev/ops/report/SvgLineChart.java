package io.tdev.ops.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart as inline SVG (no scripts, fonts or styles from outside), for Markdown and HTML reports where a
 * trend matters: one or more series over the same x labels, an optional horizontal limit line, axis labels.
 */
public final class SvgLineChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 36;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    /** One line; a null value is a gap (no data). */
    public record Series(String name, List<Double> values) {
    }

    private final String title;
    private final List<String> xLabels;
    private final List<Series> series = new ArrayList<>();
    private Double limit;
    private String limitLabel;

    public SvgLineChart(String title, List<String> xLabels) {
        this.title = title;
        this.xLabels = List.copyOf(xLabels);
    }

    public SvgLineChart series(String name, List<Double> values) {
        if (values.size() != xLabels.size()) {
            throw new IllegalArgumentException(name + ": " + values.size() + " values for " + xLabels.size() + " labels");
        }
        series.add(new Series(name, new ArrayList<>(values)));
        return this;
    }

    public SvgLineChart limit(double value, String label) {
        this.limit = value;
        this.limitLabel = label;
        return this;
    }

    public String svg() {
        double max = limit == null ? 0 : limit;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"13\">").append(escape(title)).append("</text>");
        int plotBottom = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(plotBottom).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(plotBottom).append("\" stroke=\"#888\"/>");
        svg.append("<text x=\"4\" y=\"").append(TOP + 4).append("\" font-size=\"10\">").append(fmt(max)).append("</text>");
        svg.append("<text x=\"4\" y=\"").append(plotBottom).append("\" font-size=\"10\">0</text>");
        if (!xLabels.isEmpty()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 12).append("\" font-size=\"10\">")
                    .append(escape(xLabels.get(0))).append("</text>");
            svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 12)
                    .append("\" font-size=\"10\" text-anchor=\"end\">").append(escape(xLabels.get(xLabels.size() - 1)))
                    .append("</text>");
        }
        if (limit != null) {
            double y = y(limit, max);
            svg.append("<line class=\"limit\" x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke=\"#ff7f0e\" stroke-dasharray=\"6 4\"/>");
            svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(fmt(y - 4))
                    .append("\" font-size=\"10\" text-anchor=\"end\" fill=\"#ff7f0e\">").append(escape(limitLabel))
                    .append("</text>");
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            svg.append("<polyline class=\"series\" data-name=\"").append(escape(s.name())).append("\" fill=\"none\" stroke=\"")
                    .append(colour).append("\" stroke-width=\"2\" points=\"").append(points(s, max)).append("\"/>");
            svg.append("<text x=\"").append(LEFT + 8 + 150 * i).append("\" y=\"").append(TOP + 10)
                    .append("\" font-size=\"11\" fill=\"").append(colour).append("\">").append(escape(s.name()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private String points(Series s, double max) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < s.values().size(); i++) {
            Double v = s.values().get(i);
            if (v != null) {
                p.append(p.length() == 0 ? "" : " ").append(fmt(x(i))).append(',').append(fmt(y(v, max)));
            }
        }
        return p.toString();
    }

    private double x(int index) {
        int n = Math.max(1, xLabels.size() - 1);
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) index / n;
    }

    private static double y(double value, double max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / max);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
