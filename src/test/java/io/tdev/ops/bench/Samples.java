package io.tdev.ops.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured values of one scenario (nanoseconds, bytes, ...), summarised by order statistics, not by the mean. */
final class Samples {
    private final List<Long> values = new ArrayList<>();

    void add(long value) {
        values.add(value);
    }

    int count() {
        return values.size();
    }

    long median() {
        return percentile(50);
    }

    long p90() {
        return percentile(90);
    }

    long min() {
        return sorted().get(0);
    }

    /** Nearest-rank percentile: with 9 runs, p90 is the 9th value (the slowest), with 10 the 9th. */
    long percentile(int p) {
        List<Long> s = sorted();
        if (p == 50 && s.size() % 2 == 0) {
            return (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, rank - 1));
    }

    private List<Long> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }
}
