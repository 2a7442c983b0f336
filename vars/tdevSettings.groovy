// Plumbing shared by the tdev-ops vars (not a pipeline workflow of its own): one way to merge a var's defaults,
// the library's YAML resources and the job's parameters, to reject unknown parameters, and to build the
// arguments every tdev-ops plugin step takes.

import groovy.transform.Field

/** Where the steps run: parameters every workflow var accepts and passes to every tdev-ops plugin step (see stepArgs). */
@Field static final Map WHERE_DEFAULTS = [
        environment  : null, // environment name: production, staging, ...; null = the plugin's default
        configFile   : null, // environment config file on the controller, relative to JENKINS_HOME/tdev-ops/ (the steps read it there, no node needed); null = none
        credentialsId: null, // Jenkins AWS credentials id; null = the AWS variables of the step's environment, else the controller's default credentials chain
        region       : null, // AWS region; null = the environment's
        roleArn      : null, // IAM role the steps assume; null = the credentials' own identity
]

/**
 * The settings a var runs with: {@link #WHERE_DEFAULTS} and its own {@code ownDefaults}, overridden by the values of
 * the YAML resources they name (the keys ending in {@code Resource}, read with libraryResource; a job naming its own resource gets it laid over
 * the library's), overridden by the job's {@code config}.
 * A key of {@code config} that {@code defaults} does not have fails the build naming it and the valid keys;
 * a resource only sets keys its var has (the resources are shared by all vars).
 */
Map resolve(String varName, Map ownDefaults, Map config) {
    Map defaults = WHERE_DEFAULTS + ownDefaults
    Map given = config == null ? [:] : config
    List unknown = unknownKeys(defaults, given)
    if (unknown) {
        error("${varName}: unknown parameter${unknown.size() == 1 ? '' : 's'} ${unknown.join(', ')}; " +
                "valid parameters: ${sortedKeys(defaults).join(', ')}")
    }
    Map settings = new LinkedHashMap(defaults)
    List keys = resourceKeys(defaults)
    // an index loop: a for-in iterator cannot be saved with the pipeline's state between steps
    for (int i = 0; i < keys.size(); i++) {
        String resourceKey = keys[i]
        // the library's resource first, then the job's own on top of it: a job's file needs only what it changes
        List paths = [defaults[resourceKey]]
        if (given.containsKey(resourceKey) && given[resourceKey] != defaults[resourceKey]) {
            paths << given[resourceKey]
        }
        for (int j = 0; j < paths.size(); j++) {
            if (paths[j]) {
                Map values = readYaml(text: libraryResource(paths[j])) ?: [:]
                putKnown(settings, defaults, values)
            }
        }
    }
    settings.putAll(given)
    return settings
}

/** The map a plugin step gets: where it runs (environment, configFile, region, credentialsId, roleArn) plus {@code args}; nulls left out. */
Map stepArgs(Map settings, Map args) {
    return withoutNulls([environment  : settings.environment, configFile: settings.configFile, region: settings.region,
                         credentialsId: settings.credentialsId, roleArn: settings.roleArn] + args)
}

/** Fails the build unless {@code value} is a whole number from {@code min}; says which parameter and why. */
void requirePositive(String varName, String key, Object value, int min) {
    if (!(value instanceof Number) || ((Number) value).intValue() != ((Number) value).doubleValue()
            || ((Number) value).intValue() < min) {
        error("${varName}: ${key} must be a whole number of at least ${min}; got '${value}'")
    }
}

/** Fails the build unless every element of {@code values} is one of {@code allowed}. */
void requireAllIn(String varName, String key, Object values, List allowed) {
    List bad = notIn(values instanceof List ? values : [values], allowed)
    if (!(values instanceof List) || bad) {
        error("${varName}: ${key} must be a list of ${allowed.join(', ')}; got '${values}'")
    }
}

/**
 * Runs tdevRollback with {@code args}. Returns {@code rolled}: the step's result (null when it threw), and
 * {@code failure}: null when the rollback finished, else why not (the step's error, or FAILED / TIMED_OUT / ABANDONED with the
 * engine's message and what to run next). An abort of the build is rethrown, never a {@code failure}.
 */
Map tryRollback(Map args) {
    Map rolled = null
    String failure = null
    try {
        rolled = tdevRollback(args)
    } catch (InterruptedException e) {
        // an abort (Jenkins' FlowInterruptedException is an InterruptedException) is not a failed rollback: rethrown,
        // the build ends ABORTED, and the caller starts nothing else
        throw e
    } catch (Exception e) {
        failure = e.message
    }
    if (rolled != null && rolled.ok == false) {   // the engine decides what finished (ChangeStatus.ok)
        failure = "${rolled.status}: ${rolled.message}${rolled.next ? '; next: ' + rolled.next : ''}".toString()
    }
    return [rolled: rolled, failure: failure]
}

@NonCPS
List unknownKeys(Map defaults, Map config) {
    return config.keySet().findAll { !defaults.containsKey(it) }.collect { String.valueOf(it) }.sort()
}

@NonCPS
List sortedKeys(Map map) {
    return map.keySet().collect { String.valueOf(it) }.sort()
}

@NonCPS
List resourceKeys(Map defaults) {
    return defaults.keySet().findAll { String.valueOf(it).endsWith('Resource') }.collect { String.valueOf(it) }
}

@NonCPS
void putKnown(Map settings, Map defaults, Map values) {
    values.each { k, v ->
        if (defaults.containsKey(k)) {
            settings[k] = v
        }
    }
}

@NonCPS
Map withoutNulls(Map map) {
    return map.findAll { k, v -> v != null }
}

@NonCPS
List notIn(List values, List allowed) {
    return values.findAll { !(it in allowed) }
}

/** A value as one Markdown table cell: a '|' escaped, a line break a space, null empty (every var's report tables). */
@NonCPS
String cell(Object value) {
    return value == null ? '' : String.valueOf(value).replace('|', '\\|').replace('\n', ' ')
}

/** " (reason; reason)" of a health result's reasons, or "" when it has none: how every var says why a verdict. */
@NonCPS
String reasonSuffix(Map health) {
    List reasons = health?.reasons ?: []
    return reasons ? ' (' + reasons.join('; ') + ')' : ''
}

/**
 * Asks a person to approve one change (input with OK labelled okLabel), waiting at most timeoutMinutes; returns who
 * approved. Only submitters (user ids or groups, a list or a comma-separated text; null or empty: anyone who may
 * build) may answer. Declining, or letting it expire, aborts the build (FlowInterruptedException), as input does.
 */
String approval(String message, String okLabel, Object submitters, Object timeoutMinutes) {
    Map request = [message: message, ok: okLabel, submitterParameter: 'approver']
    String who = submitters instanceof List ? submitters.join(',') : submitters
    if (who) {
        request.submitter = who
    }
    def answer
    timeout(time: timeoutMinutes, unit: 'MINUTES') {
        answer = input(request)
    }
    return answer instanceof Map ? answer.approver : answer
}
