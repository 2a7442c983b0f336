package io.tdev.ops.vars

import com.lesfurets.jenkins.unit.BasePipelineTest
import com.lesfurets.jenkins.unit.cps.BasePipelineTestCPS
import groovy.json.JsonOutput
import io.tdev.ops.api.PlainValues
import io.tdev.ops.model.TdevException
import org.yaml.snakeyaml.Yaml

import java.nio.file.FileSystems
import groovy.io.FileType
import java.nio.file.Path
import java.nio.file.PathMatcher

import static com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration.library

/**
 * Runs a Jenkinsfile that loads this repository as the shared library {@code tdev-ops}, with JenkinsPipelineUnit
 * 1.1 in plain or CPS mode, and with the Jenkins steps the vars use behaving as Jenkins does where it matters:
 * {@code error} and failing steps stop the script, {@code input} answers from the test (or is rejected),
 * files are written to a real workspace, {@code readYaml} parses YAML, {@code unstable} marks the build.
 */
class PipelineHarness {
    static final List<String> PLUGIN_STEPS = ['tdevPreDeployChecklist', 'tdevEcsDeploy', 'tdevHealthCheck',
                                              'tdevRollback', 'tdevScale', 'tdevMarkKnownGood', 'tdevWeeklyReport', 'tdevMaintenance']

    final PipelineMode mode
    final File workspace
    final BasePipelineTest jpu
    /** startTimeInMillis: 09:00 UTC on Monday 2026-12-07, the first Monday of a month (the monthly job's day). */
    final CurrentBuild currentBuild = new CurrentBuild(result: null, description: null, number: 1, displayName: '#1',
            startTimeInMillis: Date.parse("yyyy-MM-dd'T'HH:mm:ssX", '2026-12-07T09:00:00Z').time)
    /** The class names of what started the build, as currentBuild.getBuildCauses(className) finds them; none: by hand. */
    final List<String> buildCauses = currentBuild.causeNames()

    /** currentBuild: its properties a map (as a var reads and sets them), getBuildCauses a method, as on RunWrapper. */
    static class CurrentBuild extends LinkedHashMap<String, Object> {
        private final List<String> causes = []

        List<String> causeNames() {
            causes
        }

        List<Map> getBuildCauses(String className) {
            causes.findAll { it == className }.collect { [_class: it, shortDescription: 'Started by timer'] }
        }
    }
    final Map<String, Object> env = [JOB_NAME: 'tdev-ops-test', BUILD_NUMBER: '1', BUILD_URL: 'http://jenkins/job/t/1/']
    final Map<String, Object> params = [:]
    /** The build log: echo lines, errors, and the engine's progress lines (which may come from its threads). */
    final List<String> log = Collections.synchronizedList([])
    final List<String> stages = []
    /** Every plugin step call: [step: name, args: the full map the var passed]. */
    final List<Map> stepCalls = []
    /** The bound plugin steps and their own parameters (what {@link StepCall} accepts besides where a step runs). */
    final Map<String, List<String>> stepParameters = [:]
    /** The environment the steps act on (null: any); a step asking for another fails. */
    String environment
    final List<Map> inputs = []
    final List<Map> timeouts = []
    /** True: every {@code timeout} expires before its body ends, as when nobody answers an input in time. */
    boolean expireTimeouts = false
    final List<String> archived = []
    final List<String> junitReports = []
    final List<Map> mails = []
    final List<String> shell = []
    long sleptSeconds = 0

    /** Answers an {@code input}: return what Jenkins would return, or throw {@link InputRejected} (an abort). */
    Closure inputAnswer = { Map args -> throw new IllegalStateException("unexpected input: ${args.message}") }
    /**
     * Every step call in order (the plugin's and Jenkins' own, not the parameter builders), so a test can abort the
     * build at any one of them: see {@link #abortAtStep}.
     */
    final List<String> steps = Collections.synchronizedList([])
    /**
     * 1-based index into {@link #steps}: that step call is interrupted as clicking Abort while it runs does in Jenkins
     * (the step throws FlowInterruptedException, an InterruptedException); 0: never.
     */
    int abortAtStep = 0
    /** What a shell script does to the world besides being recorded (a load test starting load on the simulation). */
    Closure shellHook = { String script -> }
    /** Where {@code sleep} goes (the simulated environment's virtual clock in end-to-end tests). */
    Closure sleeper = { long seconds -> }

    private int scripts = 0

    PipelineHarness(PipelineMode mode, File workspace) {
        this.mode = mode
        this.workspace = workspace
        this.jpu = mode == PipelineMode.CPS ? new BasePipelineTestCPS() : new PlainPipelineTest()
        jpu.scriptRoots = ['.'] as String[]
        jpu.scriptExtension = ''
        jpu.setUp()
        jpu.helper.registerSharedLibrary(library().name('tdev-ops')
                .defaultVersion('main')
                .allowOverride(true)
                .implicit(false)
                .targetPath(workspace.absolutePath)
                .retriever(new ProjectRootSource(new File('.').canonicalFile))
                .build())
        bindVariables()
        registerSteps()
    }

    /**
     * Binds plugin step {@code step}, whose own parameters (besides {@link StepCall#WHERE}) are {@code parameters}:
     * {@code call} gets the arguments as a {@link StepCall} and returns the use case's result record, which reaches the
     * script as the plugin returns it: plain maps, lists and scalars ({@link PlainValues}); a scripted answer returns
     * such a map itself. A step asking for another {@code environment} than {@link #environment} fails as the plugin
     * would with an unknown one; engine errors reach the script as Jenkins' AbortException.
     */
    PipelineHarness bindStep(String step, List<String> parameters, Closure call) {
        stepParameters[step] = parameters
        register(step, [Map]) { Map given ->
            // Jenkins binds step arguments to the step's Java types: a GString arrives as a String
            Map args = (Map) asJava(given)
            stepCalls << [step: step, args: args]
            if (environment != null && args.environment != null && args.environment != environment) {
                throw new AbortException("${step}: environment '${args.environment}' is not the one under test (${environment})")
            }
            Object result
            try {
                result = call(StepCall.of(step, args, parameters))
            } catch (TdevException e) {
                throw new AbortException(e.message)
            }
            return result instanceof Map ? result : PlainValues.of(result)
        }
        return this
    }

    private static Object asJava(Object value) {
        if (value instanceof CharSequence) {
            return value.toString()
        }
        if (value instanceof Map) {
            Map copy = new LinkedHashMap()
            value.each { k, v -> copy[asJava(k)] = asJava(v) }
            return copy
        }
        if (value instanceof List) {
            return value.collect { asJava(it) }
        }
        return value
    }

    List<Map> callsOf(String step) {
        stepCalls.findAll { it.step == step }
    }

    /** Runs {@code text} as a Jenkinsfile; the build result is what Jenkins would show. */
    Outcome run(String text) {
        File file = new File(workspace, "Jenkinsfile-${++scripts}")
        file.text = text
        return runFile(file.absolutePath)
    }

    Outcome runFile(String path) {
        try {
            jpu.runScript(path)
            return new Outcome((String) (currentBuild.result ?: 'SUCCESS'), null, null)
        } catch (BuildAborted e) {
            currentBuild.result = 'ABORTED'
            return new Outcome('ABORTED', e.message, e)
        } catch (AbortException e) {
            currentBuild.result = 'FAILURE'
            return new Outcome('FAILURE', e.message, e)
        }
    }

    String logText() {
        log.join('\n')
    }

    File file(String name) {
        new File(workspace, name)
    }

    private void bindVariables() {
        jpu.binding.setVariable('currentBuild', currentBuild)
        jpu.binding.setVariable('env', env)
        jpu.binding.setVariable('params', params)
        jpu.binding.setVariable('scm', [$class: 'GitSCM'])
    }

    /**
     * Parameter builders and {@code error} are not steps a build can be aborted in; {@code echo} returns at once, so an
     * abort clicked during it lands in the next step.
     */
    private static final List<String> NOT_ABORTABLE = ['string', 'text', 'choice', 'booleanParam', 'parameters', 'cron',
                                                      'pipelineTriggers', 'properties', 'error', 'echo']

    private void register(String name, List<Class> args, Closure body) {
        if (name in NOT_ABORTABLE) {
            jpu.helper.registerAllowedMethod(name, args, body)
            return
        }
        jpu.helper.registerAllowedMethod(name, args) { Object[] given ->
            steps << name
            if (abortAtStep <= 0 || steps.size() != abortAtStep) {
                return body.call(*given)
            }
            if (name in PLUGIN_STEPS) {
                // the worst moment: the engine has done the step's work (a change requested) when the abort arrives
                body.call(*given)
            }
            log << "Aborted by tester (in ${name})".toString()
            throw new BuildAborted("Aborted by tester (in ${name})")
        }
    }

    private Object callClosure(Closure c) {
        jpu.helper.callClosure(c)
    }

    private void registerSteps() {
        register('error', [String]) { String message ->
            log << "ERROR: ${message}"
            throw new AbortException(message)
        }
        register('unstable', [String]) { String message ->
            log << "WARNING: ${message}"
            setWorse('UNSTABLE')
        }
        register('unstable', [Map]) { Map args ->
            log << "WARNING: ${args.message}"
            setWorse('UNSTABLE')
        }
        register('echo', [String]) { String line -> log << line }
        register('stage', [String, Closure]) { String name, Closure body ->
            stages << name
            callClosure(body)
        }
        register('timeout', [Map, Closure]) { Map args, Closure body ->
            requireKeys('timeout', args, ['time'])
            timeouts << args
            if (expireTimeouts) {
                throw new InputRejected('SYSTEM (timeout)')
            }
            callClosure(body)
        }
        register('node', [Closure]) { Closure body -> callClosure(body) }
        register('node', [String, Closure]) { String label, Closure body -> callClosure(body) }
        register('dir', [String, Closure]) { String dir, Closure body -> callClosure(body) }
        register('input', [Map]) { Map args ->
            requireKeys('input', args, ['message'])
            inputs << args
            inputAnswer(args)
        }
        register('input', [String]) { String message ->
            inputs << [message: message]
            inputAnswer([message: message])
        }
        register('string', [Map]) { Map args -> [$class: 'StringParameterDefinition'] + args }
        register('text', [Map]) { Map args -> [$class: 'TextParameterDefinition'] + args }
        register('choice', [Map]) { Map args -> [$class: 'ChoiceParameterDefinition'] + args }
        register('booleanParam', [Map]) { Map args -> [$class: 'BooleanParameterDefinition'] + args }
        register('parameters', [List]) { List defs ->
            defs.each { Map d -> if (!params.containsKey(d.name)) params[d.name] = defaultOf(d) }
            [parameters: defs]
        }
        register('cron', [String]) { String spec -> [cron: spec] }
        register('pipelineTriggers', [List]) { List triggers -> [triggers: triggers] }
        register('properties', [List]) { List props -> }
        register('sleep', [Map]) { Map args ->
            long seconds = toSeconds(args.time as long, (String) (args.unit ?: 'SECONDS'))
            sleptSeconds += seconds
            sleeper(seconds)
        }
        register('sleep', [Number]) { Number seconds ->
            sleptSeconds += seconds.longValue()
            sleeper(seconds.longValue())
        }
        register('sh', [String]) { String script -> shell << script; shellHook(script); 0 }
        register('sh', [Map]) { Map args ->
            shell << (String) args.script
            shellHook((String) args.script)
            args.returnStatus ? 0 : (args.returnStdout ? '' : null)
        }
        // Jenkins runs the branches at once; here one after the other, in the order given (a test orders them)
        register('parallel', [Map]) { Map branches ->
            branches.findAll { k, v -> k != 'failFast' }.each { String name, Closure body -> callClosure(body) }
        }
        register('writeFile', [Map]) { Map args ->
            requireKeys('writeFile', args, ['file', 'text'])
            File f = file((String) args.file)
            f.parentFile.mkdirs()
            f.setText((String) args.text, 'UTF-8')
        }
        register('readFile', [String]) { String path -> file(path).getText('UTF-8') }
        register('readFile', [Map]) { Map args -> file((String) args.file).getText('UTF-8') }
        register('fileExists', [String]) { String path -> file(path).exists() }
        register('writeJSON', [Map]) { Map args ->
            requireKeys('writeJSON', args, ['file', 'json'])
            String json = JsonOutput.toJson(args.json)
            File f = file((String) args.file)
            f.parentFile.mkdirs()
            f.setText(args.pretty ? JsonOutput.prettyPrint(json) : json, 'UTF-8')
        }
        register('readYaml', [Map]) { Map args ->
            String text = args.text != null ? (String) args.text : file((String) args.file).getText('UTF-8')
            new Yaml().load(text)
        }
        register('archiveArtifacts', [Map]) { Map args -> archive((String) args.artifacts, args.allowEmptyArchive as boolean) }
        register('archiveArtifacts', [String]) { String pattern -> archive(pattern, false) }
        register('junit', [Map]) { Map args -> publishJunit((String) args.testResults, args.allowEmptyResults as boolean) }
        register('junit', [String]) { String pattern -> publishJunit(pattern, false) }
        register('mail', [Map]) { Map args ->
            requireKeys('mail', args, ['to', 'subject', 'body'])
            mails << args
        }
        register('checkout', [Map]) { Map scm -> }
        register('stash', [Map]) { Map args -> }
        register('unstash', [String]) { String name -> }
    }

    private void setWorse(String result) {
        List<String> order = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'ABORTED']
        String now = (String) (currentBuild.result ?: 'SUCCESS')
        if (order.indexOf(result) > order.indexOf(now)) {
            currentBuild.result = result
        }
    }

    private static Object defaultOf(Map definition) {
        if (definition.containsKey('defaultValue')) {
            return definition.defaultValue
        }
        def choices = definition.choices
        if (choices instanceof List) {
            return choices[0]
        }
        if (choices instanceof String) {
            return choices.readLines()[0]
        }
        return null
    }

    private static long toSeconds(long time, String unit) {
        switch (unit) {
            case 'SECONDS': return time
            case 'MINUTES': return time * 60
            case 'HOURS': return time * 3600
            case 'MILLISECONDS': return Math.max(1L, (long) (time / 1000))
            default: throw new IllegalArgumentException("sleep: unit ${unit} is not one Jenkins accepts")
        }
    }

    private static void requireKeys(String step, Map args, List<String> keys) {
        List missing = keys.findAll { args[it] == null }
        if (missing) {
            throw new IllegalArgumentException("${step}: missing ${missing}")
        }
    }

    private List<File> matching(String patterns) {
        List<File> found = []
        patterns.split(',').collect { it.trim() }.findAll { it }.each { String pattern ->
            PathMatcher matcher = FileSystems.default.getPathMatcher("glob:${pattern}")
            Path root = workspace.toPath()
            workspace.eachFileRecurse(FileType.FILES) { File f ->
                if (matcher.matches(root.relativize(f.toPath()))) {
                    found << f
                }
            }
        }
        return found
    }

    // Jenkins fails the build when an archive or report pattern matches nothing; so does this.
    private void archive(String pattern, boolean allowEmpty) {
        List<File> files = matching(pattern)
        if (!files && !allowEmpty) {
            throw new AbortException("No artifacts found that match the file pattern \"${pattern}\"")
        }
        files.each { archived << workspace.toPath().relativize(it.toPath()).toString() }
    }

    private void publishJunit(String pattern, boolean allowEmpty) {
        List<File> files = matching(pattern)
        if (!files && !allowEmpty) {
            throw new AbortException("No test report files were found. Configuration error?")
        }
        files.each { File f ->
            new XmlSlurper().parse(f) // a report Jenkins could not parse fails the build there too
            junitReports << workspace.toPath().relativize(f.toPath()).toString()
        }
    }

    /** BasePipelineTest is abstract in 1.1 only to be subclassed by test classes. */
    static class PlainPipelineTest extends BasePipelineTest {
    }
}
