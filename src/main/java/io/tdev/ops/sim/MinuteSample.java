package io.tdev.ops.sim;

import java.time.Instant;

/** What the service did in one minute, the raw material of every simulated metric and alarm. */
record MinuteSample(Instant minute, double cpuAvg, double cpuMax, double memAvg, double memMax, double runningTasks,
                    double healthyHosts, double unhealthyHosts, double requests, double elb5xx, double target5xx,
                    double responseTime, double generationsOk, double generationsFailed, double pipelineAvg,
                    double pipelineP95) {

    double errorRatePercent() {
        double all = generationsOk + generationsFailed;
        return all == 0 ? 0 : 100 * generationsFailed / all;
    }
}
