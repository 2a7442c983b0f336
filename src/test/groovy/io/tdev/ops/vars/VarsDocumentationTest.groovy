package io.tdev.ops.vars

import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.SourceUnit
import org.junit.jupiter.api.Test

import static org.assertj.core.api.Assertions.assertThat

/** Every var documents itself: vars/NAME.txt names every key of the var's DEFAULTS map (read from its source). */
class VarsDocumentationTest {
    static final File VARS = new File('vars')

    static List<File> varSources() {
        VARS.listFiles().findAll { it.name.endsWith('.groovy') }.sort { it.name }
    }

    /** The keys of the {@code DEFAULTS} map literal of a var, from its syntax tree (nothing is run). */
    static List<String> defaultKeys(File source) {
        mapFieldKeys(source, 'DEFAULTS')
    }

    /** The keys of the map literal assigned to the {@code @Field} {@code name} of a var, from its syntax tree. */
    static List<String> mapFieldKeys(File source, String name) {
        CompilationUnit unit = new CompilationUnit()
        SourceUnit sourceUnit = unit.addSource(source)
        unit.compile(Phases.CONVERSION)
        // before semantic analysis, "@Field static final Map DEFAULTS = [...]" is still a declaration of the script body
        DeclarationExpression defaults = sourceUnit.AST.statementBlock.statements
                .findAll { it instanceof ExpressionStatement && it.expression instanceof DeclarationExpression }
                .collect { (DeclarationExpression) ((ExpressionStatement) it).expression }
                .find { it.variableExpression.name == name }
        if (defaults == null) {
            return null
        }
        assertThat(defaults.annotations*.classNode*.name).as("${source.name}: ${name} must be a @Field").contains('Field')
        assertThat(defaults.rightExpression).as("${source.name}: ${name} must be a map literal").isInstanceOf(MapExpression)
        return ((MapExpression) defaults.rightExpression).mapEntryExpressions.collect {
            ((ConstantExpression) it.keyExpression).value as String
        }
    }

    static boolean hasCall(File source) {
        source.text =~ /(?m)^def call\(Map config = \[:\]\)/
    }

    @Test
    void everyVarHasAnHtmlHelpFile() {
        List<String> missing = varSources().collect { it.name - '.groovy' }.findAll { !new File(VARS, "${it}.txt").isFile() }

        assertThat(varSources()).isNotEmpty()
        assertThat(missing).isEmpty()
    }

    @Test
    void everyWorkflowVarTakesAMapAndKeepsItsDefaultsInOneMap() {
        List<File> workflows = varSources().findAll { hasCall(it) }

        assertThat(workflows*.name).contains('tdevDeploy.groovy', 'tdevOneClickRollback.groovy', 'tdevDailyHealthCheck.groovy',
                'tdevDailySecurityCheck.groovy', 'tdevSecurityIncident.groovy', 'tdevTrafficEvent.groovy',
                'tdevNightlyBackup.groovy', 'tdevDisasterRecovery.groovy')
        workflows.each { assertThat((Iterable) defaultKeys(it)).as(it.name).isNotEmpty() }
    }

    @Test
    void helpNamesEveryKeyOfTheDefaultsMap() {
        // a workflow var also takes tdevSettings' WHERE_DEFAULTS (resolve adds them), so its help names those too
        List<String> whereKeys = mapFieldKeys(new File(VARS, 'tdevSettings.groovy'), 'WHERE_DEFAULTS')
        assertThat(whereKeys).contains('environment', 'credentialsId')
        Map<String, List<String>> undocumented = [:]
        varSources().each { File source ->
            List<String> keys = (defaultKeys(source) ?: []) + (hasCall(source) ? whereKeys : [])
            String help = new File(VARS, source.name - '.groovy' + '.txt').text
            List<String> missing = keys.findAll { !help.contains("<code>${it}</code>") }
            if (missing) {
                undocumented[source.name] = missing
            }
        }

        assertThat(undocumented).isEmpty()
    }

    @Test
    void helpGivesAnExample() {
        varSources().each { File source ->
            String help = new File(VARS, source.name - '.groovy' + '.txt').text
            assertThat(help).as(source.name).contains('Example:', '<pre>')
        }
    }

    @Test
    void noVarHasTheNameOfAPluginStep() {
        assertThat(varSources().collect { it.name - '.groovy' }).doesNotContainAnyElementsOf(PluginStepSources.parameters().keySet())
    }

    @Test
    void defaultsReadFromTheSourceAreTheOnesTheVarAccepts() {
        // the parser above reads the same map the var validates against: the unknown-key message lists it
        assertThat((Iterable) defaultKeys(new File(VARS, 'tdevDeploy.groovy'))).contains('image', 'bakeMinutes', 'pollSeconds',
                'waivable', 'deploy', 'rollbackOn', 'checklistResource', 'thresholdsResource')
        assertThat(defaultKeys(new File(VARS, 'tdevSettings.groovy'))).isNull()
    }
}
