package dev.vixens.ls.lint;

import java.util.List;

/** A rule that judges the linted configs together (duplicates, the endpoint the others use). */
interface CorpusRule {

    void check(List<LintedConfig> configs, List<Finding> out);
}
