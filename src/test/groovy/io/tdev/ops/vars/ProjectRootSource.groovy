package io.tdev.ops.vars

import com.lesfurets.jenkins.unit.global.lib.SourceRetriever

/**
 * Serves the library from this checkout: JPU 1.1's LocalSource only knows "DIR/NAME@VERSION" folders, while
 * the library here is the repository root itself (vars/, resources/).
 */
class ProjectRootSource implements SourceRetriever {
    final File root

    ProjectRootSource(File root) {
        this.root = root
    }

    @Override
    List<URL> retrieve(String repository, String branch, String targetPath) throws IllegalStateException {
        if (!new File(root, 'vars').isDirectory()) {
            throw new IllegalStateException("no vars/ under ${root}")
        }
        return [root.toURI().toURL()]
    }
}
