package io.tdev.ops.vars

import java.util.regex.Matcher

/**
 * The Jenkins plugin's steps as its sources declare them (jenkins-plugin/ is another Maven module, not on this
 * class path): each step's function name and the names of its {@code @DataBoundConstructor} and
 * {@code @DataBoundSetter} parameters, its superclasses' included.
 */
class PluginStepSources {
    static final File STEPS = new File('jenkins-plugin/src/main/java/io/jenkins/plugins/tdevops')

    /** Function name -> every parameter of the plugin step class that has it. */
    static Map<String, Set<String>> parameters() {
        Map<String, String> sources = STEPS.listFiles().findAll { it.name.endsWith('.java') }
                .collectEntries { [(it.name - '.java'): it.getText('UTF-8')] }
        Map<String, Set<String>> steps = [:]
        sources.each { String name, String text ->
            Matcher function = text =~ /getFunctionName\(\)\s*\{\s*return\s*"(\w+)"/
            if (function.find()) {
                steps[function.group(1)] = parametersOf(name, sources)
            }
        }
        return steps
    }

    private static Set<String> parametersOf(String className, Map<String, String> sources) {
        String text = sources[className]
        if (text == null) {
            return [] as Set    // a Jenkins class (Step): no parameters of ours
        }
        Set<String> names = [] as Set
        Matcher constructor = text =~ /@DataBoundConstructor\s+public\s+\w+\(([^)]*)\)/
        if (constructor.find()) {
            constructor.group(1).split(',')*.trim().findAll { it }.each { names << it.split(/\s+/).last() }
        }
        Matcher setters = text =~ /@DataBoundSetter\s+public\s+void\s+set(\w)(\w*)\(/
        while (setters.find()) {
            names << setters.group(1).toLowerCase() + setters.group(2)
        }
        Matcher parent = text =~ /class\s+\w+\s+extends\s+(\w+)/
        return parent.find() ? names + parametersOf(parent.group(1), sources) : names
    }
}
