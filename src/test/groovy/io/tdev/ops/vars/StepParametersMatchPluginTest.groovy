package io.tdev.ops.vars

import org.junit.jupiter.api.Test

import static org.assertj.core.api.Assertions.assertThat

/**
 * The tests' binding accepts exactly the arguments the plugin's steps take: each bound step's parameters (its
 * {@link StepCall} list plus {@link StepCall#WHERE}) are the {@code @DataBoundConstructor} and {@code @DataBoundSetter}
 * names of the plugin step class with that function name, read from jenkins-plugin's sources (its superclasses too).
 * A parameter added to, renamed in or dropped from a plugin step fails here until the binding follows, so a var
 * passing a name Jenkins would refuse fails its own tests.
 */
class StepParametersMatchPluginTest extends SimulatedVarTest {
    @Test
    void everyBoundStepTakesThePluginStepsParametersExactly() {
        PipelineHarness simulated = attached(PipelineMode.PLAIN, SimulatedTdevOps.scenario('healthy'))
        PipelineHarness scripted = new ScriptedOps().bind(new PipelineHarness(PipelineMode.PLAIN, workspace))
        Map<String, Set<String>> plugin = PluginStepSources.parameters()

        assertThat(simulated.stepParameters.keySet()).containsAll(scripted.stepParameters.keySet())
        assertThat(plugin.keySet()).containsAll(simulated.stepParameters.keySet())
        (simulated.stepParameters + scripted.stepParameters).each { String step, List<String> own ->
            assertThat((own + StepCall.WHERE) as Set).as(step).isEqualTo(plugin[step])
        }
    }

    @Test
    void anArgumentTheStepDoesNotTakeFailsTheCallNamingTheValidOnes() {
        PipelineHarness h = attached(PipelineMode.PLAIN, SimulatedTdevOps.scenario('healthy'))

        Outcome outcome = h.run("tdevHealthCheck(windowMinuts: 60)")

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).isEqualTo('tdevHealthCheck: unknown parameter(s) windowMinuts; valid parameters: '
                + 'baselineTime, configFile, credentialsId, endpointUrl, environment, ignoreAlarms, region, roleArn, '
                + 'signalTimeoutSeconds, signals, windowMinutes')
    }

    @Test
    void aValueOfAnotherTypeThanTheParametersFailsAsJenkinsCoercionDoes() {
        PipelineHarness h = attached(PipelineMode.PLAIN, SimulatedTdevOps.scenario('healthy'))

        Outcome text = h.run("tdevHealthCheck(windowMinutes: '60')")
        Outcome fraction = h.run("tdevHealthCheck(windowMinutes: 1.5)")
        Outcome single = h.run("tdevHealthCheck(signals: 'alarms')")

        assertThat(text.message).isEqualTo("tdevHealthCheck: windowMinutes expects Integer but received String '60'")
        assertThat(fraction.message).isEqualTo("tdevHealthCheck: windowMinutes expects Integer but received BigDecimal '1.5'")
        assertThat(single.message).isEqualTo("tdevHealthCheck: signals expects List but received String 'alarms'")
    }
}
