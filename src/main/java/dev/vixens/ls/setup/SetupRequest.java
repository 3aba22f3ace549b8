package dev.vixens.ls.setup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code setup} was asked for.
 *
 * @param root the repository root to set up
 * @param preCommit write {@code .pre-commit-config.yaml}
 * @param hook which pre-commit hooks it uses
 * @param ci the CI file to write, if any
 * @param toolRepository where vixens-ls is published, when given on the command line
 * @param rev the tag or commit the hook and CI files pin, when given on the command line
 */
public record SetupRequest(Path root, boolean preCommit, Hook hook, Optional<Ci> ci, Optional<String> toolRepository,
        Optional<String> rev) {

    /** The two ways a teammate's pre-commit runs vixens-ls (see {@code .pre-commit-hooks.yaml}). */
    public enum Hook {
        /** Builds vixens-ls from pre-commit's clone of its repository, through the Maven Wrapper: needs a JDK. */
        SCRIPT(""),
        /** Runs the {@code vixens-ls} on PATH (an installed release): needs nothing else, builds nothing. */
        INSTALLED("-installed");

        private final String idSuffix;

        Hook(String idSuffix) {
            this.idSuffix = idSuffix;
        }

        public String idSuffix() {
            return idSuffix;
        }
    }

    /** The CI systems {@code setup --ci} writes a pipeline for. */
    public enum Ci {
        GITHUB(".github/workflows/vixens-ls.yml", "setup/github-workflow.yml.ftl"),
        GITLAB(".gitlab-ci.yml", "setup/gitlab-ci.yml.ftl");

        private final String path;
        private final String template;

        Ci(String path, String template) {
            this.path = path;
            this.template = template;
        }

        public String path() {
            return path;
        }

        String template() {
            return template;
        }
    }
}
