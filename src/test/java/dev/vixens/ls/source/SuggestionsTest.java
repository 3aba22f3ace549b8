package dev.vixens.ls.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> PROFILES = List.of("critical", "standard", "relaxed", "ephemeral");
    private static final List<String> KEYS = List.of("syncInterval", "snapshotInterval", "retention",
            "integrityCheck", "namespace", "app");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "critcal,          critical",
        "crtical,          critical",
        "standart,         standard",
        "relaxd,           relaxed",
        "ephemral,         ephemeral",
        "Critical,         critical",
        "snapshotinterval, snapshotInterval",
        "namepsace,        namespace",
        "retension,        retention",
        "integritycheck,   integrityCheck",
    })
    void suggestsTheLikelyIntendedWord(String typed, String meant) {
        List<String> known = Character.isUpperCase(meant.charAt(0)) || PROFILES.contains(meant) ? PROFILES : KEYS;

        assertThat(Suggestions.didYouMean(typed, known)).isEqualTo(" (did you mean '" + meant + "'?)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gold", "backup", "daily", "xyz", "critical", "a"})
    void staysQuietWhenNothingIsClose(String typed) {
        assertThat(Suggestions.didYouMean(typed, PROFILES)).isEmpty();
    }
}
