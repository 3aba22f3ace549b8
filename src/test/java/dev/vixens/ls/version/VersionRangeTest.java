package dev.vixens.ls.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    private static boolean admits(String range, String version) {
        VersionRange.Result parsed = VersionRange.parse(range);
        assertThat(parsed.problem()).isNull();
        return parsed.range().admits(ToolVersion.parse(version).orElseThrow());
    }

    @Test
    void comparisonsSeparatedBySpacesMustAllHold() {
        assertThat(admits(">=0.2 <0.3", "0.2.0")).isTrue();
        assertThat(admits(">=0.2 <0.3", "0.2.7")).isTrue();
        assertThat(admits(">=0.2 <0.3", "0.3.0")).isFalse();
        assertThat(admits(">=0.2 <0.3", "0.1.9")).isFalse();
        assertThat(admits(">0.2 <=1", "1.0.0")).isTrue();
        assertThat(admits(">0.2", "0.2.0")).isFalse();
    }

    @Test
    void aBareVersionMeansExactlyIt() {
        assertThat(admits("0.2.1", "0.2.1")).isTrue();
        assertThat(admits("0.2", "0.2.0")).isTrue();
        assertThat(admits("=0.2.1", "0.2.2")).isFalse();
    }

    @Test
    void aDevelopmentBuildCountsAsTheReleaseItBecomes() {
        assertThat(admits(">=0.2 <0.3", "0.2.0-SNAPSHOT")).isTrue();
        assertThat(admits(">=0.2 <0.3", "0.3.0-SNAPSHOT")).isFalse();
    }

    @Test
    void badRangesSayWhatIsWrong() {
        assertThat(VersionRange.parse("~0.2").problem())
                .isEqualTo("'~0.2' is not a version comparison; write e.g. \">=0.2 <0.3\" (operators >=, >, <=, <, =;"
                        + " versions MAJOR[.MINOR[.PATCH]])");
        assertThat(VersionRange.parse("  ").problem())
                .isEqualTo("is empty; write the versions this repository accepts, e.g. \">=0.2 <0.3\"");
    }

    @Test
    void setupPinsTheRunningVersionUpToTheNextBreakingRelease() {
        assertThat(VersionRange.compatibleWith(ToolVersion.parse("0.2.0-SNAPSHOT").orElseThrow()))
                .isEqualTo(">=0.2 <0.3");
        assertThat(VersionRange.compatibleWith(ToolVersion.parse("1.4.2").orElseThrow())).isEqualTo(">=1.4 <2");
    }

    @Test
    void theGitReferenceOfABuildIsItsTagOrItsCleanCommit() {
        String sha = "475008a19c99e0f3000c9dc9883d23b177145c2e";
        assertThat(new BuildInfo("0.2.0", sha, "2026-11-26T00:47:24Z", "").gitReference()).isEqualTo("v0.2.0");
        assertThat(new BuildInfo("0.3.0-SNAPSHOT", sha, "d", "").gitReference()).isEqualTo(sha);
        assertThat(new BuildInfo("0.3.0-SNAPSHOT", sha + "+changes", "d", "").gitReference()).isEmpty();
        assertThat(new BuildInfo("0.2.0", sha + "+changes", "2026-11-26T00:47:24Z", "").versionLine())
                .isEqualTo("vixens-ls 0.2.0 (commit 475008a19c99+changes, built 2026-11-26T00:47:24Z)");
    }
}
