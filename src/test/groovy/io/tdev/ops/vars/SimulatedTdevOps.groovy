package io.tdev.ops.vars

import com.fasterxml.jackson.databind.DeserializationFeature
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory
import io.tdev.ops.api.OpsContext
import io.tdev.ops.config.EnvironmentConfig
import io.tdev.ops.api.Progress
import io.tdev.ops.sim.SimEnvironment

import java.time.Duration

/**
 * The real engine on the simulated environment, wired to a pipeline the way the plugin wires it: each step runs its
 * typed use case ({@code XxxUseCase.over(context).run(request)}) and returns the result's plain values, the engine's
 * progress lines go to the build log, and {@code sleep} advances the simulation's virtual clock.
 */
class SimulatedTdevOps {
    final EnvironmentConfig config
    final SimEnvironment sim
    /** What the use cases run with: this world's config, ports and clock, progress lines to {@link #progress}. */
    final OpsContext context
    /** Where the engine's progress lines go: the build log once attached to a pipeline. */
    List<String> progress = Collections.synchronizedList([])

    SimulatedTdevOps(SimEnvironment sim) {
        this.sim = sim
        this.config = sim.config()
        Progress toLog = { String line -> progress << line } as Progress
        this.context = new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), toLog, 'jenkins')
    }

    /**
     * The implementation of {@code useCase} on this world, as the plugin's steps get it: {@code XxxUseCase.over(context)}.
     * Groovy 2.4 cannot call a static method of a Java interface (its call site fails verification), so reflection does.
     */
    def <T> T over(Class<T> useCase) {
        over(useCase, context)
    }

    static <T> T over(Class<T> useCase, OpsContext context) {
        (T) useCase.getMethod('over', OpsContext).invoke(null, context)
    }

    static SimulatedTdevOps scenario(String name, String environment = 'production') {
        new SimulatedTdevOps(SimEnvironment.scenario(name, builtIn(environment)))
    }

    /** A built-in environment read from its YAML resource (what ConfigLoader.builtIn returns, without overrides). */
    static EnvironmentConfig builtIn(String environment) {
        InputStream yaml = SimulatedTdevOps.getResourceAsStream("/io/tdev/ops/env/${environment}.yaml")
        if (yaml == null) {
            throw new IllegalArgumentException("no built-in environment ${environment}")
        }
        yaml.withCloseable {
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(it, EnvironmentConfig)
        }
    }

    /** Binds every plugin step the vars call to this world. */
    PipelineHarness attach(PipelineHarness harness) {
        harness.environment = config.name()
        RunbookSteps.bind(harness, this)
        TrafficSteps.bind(harness, this)
        IncidentSteps.bind(harness, this)
        FleetSteps.bind(harness, this)
        ScheduledSteps.bind(harness, this)
        BackupSteps.bind(harness, this)
        SecuritySteps.bind(harness, this)
        progress = harness.log
        harness.sleeper = { long seconds -> sim.sleeper().sleep(Duration.ofSeconds(seconds)) }
        return harness
    }

    /** The revision number the service runs now. */
    int revision() {
        sim.currentRevision().revision()
    }

    boolean knownGood(int revision) {
        sim.tagsOf(revision).containsKey(config.deploy().knownGoodTag())
    }

    /** JUnit XML of a passing test run, where the checklist's tests-passed item looks for it. */
    static void passingTestReport(File workspace, String dir = 'reports') {
        File report = new File(workspace, "${dir}/TEST-io.tdev.app.AppTest.xml")
        report.parentFile.mkdirs()
        report.text = '''<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="io.tdev.app.AppTest" tests="3" failures="0" errors="0" skipped="0" time="0.4">
  <testcase classname="io.tdev.app.AppTest" name="generatesAProject" time="0.2"/>
  <testcase classname="io.tdev.app.AppTest" name="rejectsAnEmptyPrompt" time="0.1"/>
  <testcase classname="io.tdev.app.AppTest" name="downloadsTheZip" time="0.1"/>
</testsuite>
'''
    }
}
