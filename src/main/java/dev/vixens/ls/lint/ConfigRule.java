package dev.vixens.ls.lint;

import java.util.List;

/** A rule that judges one config on its own. */
interface ConfigRule {

    void check(LintedConfig config, List<Finding> out);
}
