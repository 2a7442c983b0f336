package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;

@WithJenkins
class TdevPreDeployChecklistStepTest {
    private static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="io.tdev.AppTest" tests="2" failures="%d" errors="0" skipped="0">
              <testcase name="a" classname="io.tdev.AppTest"/>
              <testcase name="b" classname="io.tdev.AppTest">%s</testcase>
            </testsuite>
            """;

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
        j.createOnlineSlave();
    }

    private static String writeReport(int failures) {
        String xml = REPORT.formatted(failures, failures > 0 ? "<failure message=\"expected 2 but was 3\"/>" : "")
                .replace("'", "\\'").replace("\n", "\\n");
        return "writeFile file: 'reports/TEST-io.tdev.AppTest.xml', text: '" + xml + "'\n";
    }

    @Test
    void readsTheWorkspaceReportsFromTheAgentAndReturnsEveryItemWithJUnitXml() throws Exception {
        WorkflowRun b = succeeds(j, "node('!built-in') {\n" + writeReport(0) + """
                  def r = tdevPreDeployChecklist(testReports: 'reports', takeBackup: true, notify: false,
                      waive: [[item: 'image-scan', reason: 'no image yet, INC-1']], waivedBy: 'alice')
                  echo "keys=${r.containsKey('passed')},${r.containsKey('items')},${r.containsKey('junitXml')},${r.containsKey('markdown')}"
                  echo "items=${r.items.size()} named=${r.items.every { it.containsKey('name') && it.containsKey('status') }}"
                  echo "waived=${r.items.find { it.name == 'image-scan' }?.status} by=${r.items.find { it.name == 'image-scan' }?.by}"
                  echo "junit=${r.junitXml.contains('<testsuite')}"
                  echo "tests=${r.items.find { it.name == 'tests-passed' }.status}"
                }
                """);
        j.assertLogContains("1 test report file(s) match reports/**/*.xml", b);
        j.assertLogContains("keys=true,true,true,true", b);
        j.assertLogContains("items=6 named=true", b);
        j.assertLogContains("waived=WAIVED by=alice", b);
        j.assertLogContains("junit=true", b);
        j.assertLogContains("tests=PASS", b);
    }

    @Test
    void failingTestsMakeTheChecklistFailAsAResult() throws Exception {
        WorkflowRun b = succeeds(j, "node('!built-in') {\n" + writeReport(1) + """
                  def r = tdevPreDeployChecklist(testReports: 'reports/*.xml', notify: false)
                  echo "passed=${r.passed} tests=${r.items.find { it.name == 'tests-passed' }.status}"
                }
                """);
        j.assertLogContains("passed=false tests=FAIL", b);
    }

    @Test
    void testReportsOutsideANodeSayWhereToCallIt() throws Exception {
        WorkflowRun b = fails(j, "tdevPreDeployChecklist(testReports: 'reports')");
        j.assertLogContains("testReports: 'reports' is read from the workspace; call tdevPreDeployChecklist inside node", b);
    }

    @Test
    void waivingAnUnknownItemIsTheEnginesInvalidInputListingTheItems() throws Exception {
        WorkflowRun b = fails(j, "tdevPreDeployChecklist(waive: [[item: 'tests', reason: 'trust me']], waivedBy: 'mallory')");
        j.assertLogContains("waive: got 'tests'", b);
        j.assertLogContains("tests-passed", b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }

    @Test
    void aWaiverWithoutWaivedByIsRefused() throws Exception {
        WorkflowRun b = fails(j, "tdevPreDeployChecklist(waive: ['image-scan': 'not reachable'])");
        j.assertLogContains("waivedBy: is required with waive", b);
    }
}
