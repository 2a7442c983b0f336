package io.tdev.ops.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A grouped bar chart of a few categories (x) and series, written both as SVG (for a browser or a Markdown viewer)
 * and as text bars (for a terminal or a plain diff). Self-contained: no charting library to install.
 */
final class BarChart {
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};
    private final String title;
    private final String unit;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private final DoubleFunction<String> format;

    /** @param format how a value and an axis tick are written */
    BarChart(String title, String unit, DoubleFunction<String> format) {
        this.title = title;
        this.unit = unit;
        this.format = format;
    }

    BarChart category(String name) {
        categories.add(name);
        return this;
    }

    /** A value of the last category; a series without one in some category has no bar there. */
    BarChart value(String seriesName, double v) {
        List<Double> values = series.computeIfAbsent(seriesName, k -> new ArrayList<>());
        while (values.size() < categories.size() - 1) {
            values.add(Double.NaN);
        }
        values.add(v);
        return this;
    }

    private double at(List<Double> values, int i) {
        return i < values.size() ? values.get(i) : Double.NaN;
    }

    String text() {
        double max = max();
        int labelWidth = 0;
        for (String c : categories) {
            for (String s : series.keySet()) {
                labelWidth = Math.max(labelWidth, label(c, s).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append(" (").append(unit).append(")\n");
        for (int i = 0; i < categories.size(); i++) {
            for (Map.Entry<String, List<Double>> s : series.entrySet()) {
                double v = at(s.getValue(), i);
                if (Double.isNaN(v)) {
                    continue;
                }
                int width = (int) Math.round(v / max * 50);
                out.append(String.format(Locale.ROOT, "%-" + labelWidth + "s |%s %s%n", label(categories.get(i), s.getKey()),
                        "#".repeat(Math.max(width, v > 0 ? 1 : 0)), number(v)));
            }
        }
        return out.toString();
    }

    private String label(String category, String seriesName) {
        return series.size() == 1 ? category : category + " " + seriesName;
    }

    String svg() {
        int width = 820;
        int height = 360;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 60;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double max = niceMax(max());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        out.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                left, escape(title)));
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double y = top + plotH - plotH * t / 4;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left, left + plotW, y, y));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 6, y + 4, escape(number(v))));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\" "
                + "text-anchor=\"middle\">%s</text>%n", top + plotH / 2, top + plotH / 2, escape(unit)));
        double groupW = plotW / categories.size();
        double barW = groupW * 0.7 / series.size();
        int s = 0;
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                double v = at(e.getValue(), i);
                if (Double.isNaN(v)) {
                    continue;
                }
                double h = plotH * v / max;
                double x = left + groupW * i + groupW * 0.15 + barW * s;
                out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s</title></rect>%n", x, top + plotH - h, barW, h,
                        COLOURS[s % COLOURS.length], escape(categories.get(i) + " " + e.getKey() + ": " + number(v))));
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                        + "font-size=\"10\">%s</text>%n", x + barW / 2, top + plotH - h - 4, escape(number(v))));
            }
            s++;
        }
        for (int i = 0; i < categories.size(); i++) {
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    left + groupW * i + groupW / 2, top + plotH + 18, escape(categories.get(i))));
        }
        int x = left;
        s = 0;
        for (String name : series.keySet()) {
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, height - 22, COLOURS[s % COLOURS.length], x + 16,
                    height - 12, escape(name)));
            x += 24 + name.length() * 7;
            s++;
        }
        return out.append("</svg>\n").toString();
    }

    private double max() {
        return series.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v)).max().orElse(1);
    }

    private static double niceMax(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private String number(double v) {
        return format.apply(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
