package io.jenkins.plugins.tdevops;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** Runs a sandboxed Pipeline script and checks how the build ended. */
final class Pipelines {
    private Pipelines() {
    }

    static WorkflowRun succeeds(JenkinsRule j, String script) throws Exception {
        return j.buildAndAssertSuccess(job(j, script));
    }

    static WorkflowRun fails(JenkinsRule j, String script) throws Exception {
        return j.buildAndAssertStatus(Result.FAILURE, job(j, script));
    }

    static WorkflowJob job(JenkinsRule j, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
