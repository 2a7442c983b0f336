package io.tdev.ops.sim;

import java.time.Instant;

/**
 * Sums what the service does during the current minute, step by step: gauges weighted by the step's length,
 * counters added up, peaks maxed. Generation counts are whole numbers; fractions carry into the next minute.
 */
final class MinuteAccumulator {
    private double seconds;
    private double cpu;
    private double cpuPeak;
    private double memory;
    private double memoryPeak;
    private double tasks;
    private double healthyHosts;
    private double unhealthyPeak;
    private double requests;
    private double elb5xx;
    private double target5xx;
    private double responseTime;
    private double generationsOk;
    private double generationsFailed;
    private double pipeline;
    private double pipelineP95;
    private double okCarry;
    private double failedCarry;

    /** One step of {@code s} seconds: instantaneous gauges, and counts for the whole step. */
    void add(double s, double cpuAvg, double cpuMax, double memAvg, double memMax, int runningTasks, long healthy,
             long unhealthy, double requestCount, double elb5xxCount, double target5xxCount, double responseSeconds,
             double ok, double failed, double pipelineSeconds, double pipelineP95Seconds) {
        seconds += s;
        cpu += cpuAvg * s;
        cpuPeak = Math.max(cpuPeak, cpuMax);
        memory += memAvg * s;
        memoryPeak = Math.max(memoryPeak, memMax);
        tasks += runningTasks * s;
        healthyHosts += healthy * s;
        unhealthyPeak = Math.max(unhealthyPeak, unhealthy);
        requests += requestCount;
        elb5xx += elb5xxCount;
        target5xx += target5xxCount;
        responseTime += responseSeconds * s;
        generationsOk += ok;
        generationsFailed += failed;
        pipeline += pipelineSeconds * s;
        pipelineP95 += pipelineP95Seconds * s;
    }

    void generationsLost(int count) {
        generationsFailed += count;
    }

    boolean empty() {
        return seconds == 0;
    }

    /** The minute starting at {@code minute}; resets for the next one. */
    MinuteSample close(Instant minute) {
        double ok = generationsOk + okCarry;
        double failed = generationsFailed + failedCarry;
        long okWhole = (long) ok;
        long failedWhole = (long) failed;
        okCarry = ok - okWhole;
        failedCarry = failed - failedWhole;
        double w = seconds;
        MinuteSample m = new MinuteSample(minute, cpu / w, cpuPeak, memory / w, memoryPeak, tasks / w, healthyHosts / w,
                unhealthyPeak, Math.round(requests), Math.round(elb5xx), Math.round(target5xx), responseTime / w, okWhole,
                failedWhole, pipeline / w, pipelineP95 / w);
        seconds = cpu = cpuPeak = memory = memoryPeak = tasks = healthyHosts = unhealthyPeak = 0;
        requests = elb5xx = target5xx = responseTime = generationsOk = generationsFailed = pipeline = pipelineP95 = 0;
        return m;
    }
}
