package dev.vixens.ls.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlBinderTest {

    public record Doc(String name, Integer port, Long uid, Boolean flag, List<String> items, Inner inner,
            String interval) {
    }

    public record Inner(String key, List<Inner> children) {
    }

    private static final YamlBinder.Expectations INTERVAL = path -> path.equals(YamlPath.of("interval"))
            ? "a duration such as 1s" : null;

    static Stream<Arguments> problems() {
        return Stream.of(
                // syntax, at the place to look
                Arguments.of("name: \"open\nport: 1\n", "1:7: invalid YAML: the quoted value that starts here is"
                        + " never closed"),
                Arguments.of("name: a\n\tport: 1\n", "2:1: invalid YAML: a tab character; YAML indents with spaces"
                        + " only"),
                Arguments.of("name: a: b\n", "1:8: invalid YAML: unexpected ':'; check the indentation of this line"
                        + " against the lines above, and quote a value that contains ': '"),
                Arguments.of("items: [a, b\n", "1:8: invalid YAML: the '[' list that starts here is never closed"),
                Arguments.of("inner: {key: a\n", "1:8: invalid YAML: the '{' mapping that starts here is never"
                        + " closed"),
                Arguments.of("inner:\n    key: a\n  children: []\n", "3:3: invalid YAML: this line is not indented"
                        + " like the lines before it; the keys of one mapping (and the items of one list) start in"
                        + " the same column"),
                // structure
                Arguments.of("", "1:1: the file is empty; expected a YAML mapping (key: value lines)"),
                Arguments.of("# only a comment\n", "1:1: the file is empty; expected a YAML mapping (key: value"
                        + " lines)"),
                Arguments.of("---\n", "1:1: the file is empty; expected a YAML mapping (key: value lines)"),
                Arguments.of("- a\n", "1:1: the file must hold a YAML mapping (key: value lines), not a list"),
                Arguments.of("name: a\n---\nname: b\n", "2:1: a second YAML document starts here; a file holds"
                        + " exactly one (remove this '---' and what follows it)"),
                Arguments.of("name: a\nport: 1\nname: b\n", "3:1: name: duplicate key; it is already set on line 1"),
                Arguments.of("inner:\n  key: a\n  key: b\n", "3:3: inner.key: duplicate key; it is already set on"
                        + " line 2"),
                Arguments.of("inner: &x {key: a}\nname: *x\n", "2:7: '*x' is a YAML alias; aliases are not supported"
                        + " in vixens-ls files, write the value out"),
                Arguments.of("name: *undefined\n", "1:7: '*undefined' is a YAML alias; aliases are not supported in"
                        + " vixens-ls files, write the value out"),
                Arguments.of("? [a]\n: b\n", "1:3: a key must be plain text, not a list"),
                Arguments.of("inner: " + "{children: [".repeat(10) + "]}".repeat(10) + "\n",
                        "1:127: inner: YAML nested more than 20 levels deep; a vixens-ls file needs only a few"),
                // keys and types
                Arguments.of("nmae: a\n", "1:1: nmae: unknown key (did you mean 'name'?); expected one of: flag,"
                        + " inner, interval, items, name, port, uid"),
                Arguments.of("inner:\n  kye: a\n", "2:3: inner.kye: unknown key (did you mean 'key'?); expected one"
                        + " of: children, key"),
                Arguments.of("name: 12\n", "1:7: name: expected text, got the number 12; put it in quotes if it is"
                        + " meant as text"),
                Arguments.of("name: true\n", "1:7: name: expected text, got true; put it in quotes if it is meant"
                        + " as text"),
                Arguments.of("name: [a]\n", "1:7: name: expected text, got a list"),
                Arguments.of("port: 9090.5\n", "1:7: port: expected a whole number, got the number 9090.5"),
                Arguments.of("port: \"9090\"\n", "1:7: port: expected a whole number, got the text '9090'"),
                Arguments.of("uid: root\n", "1:6: uid: expected a whole number, got the text 'root'"),
                Arguments.of("flag: maybe\n", "1:7: flag: expected true or false, got the text 'maybe'"),
                Arguments.of("flag: \"false\"\n", "1:7: flag: expected true or false, got the text 'false'; remove"
                        + " the quotes"),
                Arguments.of("flag: 1\n", "1:7: flag: expected true or false, got the number 1"),
                Arguments.of("items: a\n", "1:8: items: expected a list, got the text 'a'"),
                Arguments.of("items: {a: b}\n", "1:8: items: expected a list, got a mapping"),
                Arguments.of("inner: [a]\n", "1:8: inner: expected a mapping (key: value), got a list"),
                Arguments.of("inner:\n  children:\n    -\n", "3:6: inner.children[0]: expected a mapping"
                        + " (key: value), got nothing"),
                Arguments.of("interval: 5\n", "1:11: interval: expected a duration such as 1s, got the number 5"),
                Arguments.of("name: \"a\\nb\"\nport: x\n", "2:7: port: expected a whole number, got the text"
                        + " 'x'"),
                // no YAML 1.1 guessing: a value the two YAML versions read differently is refused, saying how
                Arguments.of("uid: 010\n", "1:6: uid: '010' has a leading zero: YAML 1.1 readers take it for the"
                        + " octal number 8, YAML 1.2 readers for 10; write the number without the leading zero;"
                        + " quote it if it is meant as text"),
                Arguments.of("uid: 0x3e8\n", "1:6: uid: '0x3e8' is a hexadecimal number (1000 in decimal); write"
                        + " 1000; quote it if it is meant as text"),
                Arguments.of("uid: 1_000\n", "1:6: uid: '1_000' is a number to YAML 1.1 readers, which ignore '_'"
                        + " in numbers, and text to YAML 1.2 readers; write the number without '_'; quote it if it"
                        + " is meant as text"),
                Arguments.of("uid: 0o17\n", "1:6: uid: '0o17' is an octal number to YAML 1.2 readers (15 in"
                        + " decimal); write 15 and text to YAML 1.1 readers; quote it if it is meant as text"),
                Arguments.of("flag: yes\n", "1:7: flag: 'yes' is a boolean to YAML 1.1 readers (such as kubectl)"
                        + " and text to YAML 1.2 readers; write true or false for a boolean; quote it if it is meant"
                        + " as text"),
                Arguments.of("flag: off\n", "1:7: flag: 'off' is a boolean to YAML 1.1 readers (such as kubectl)"
                        + " and text to YAML 1.2 readers; write true or false for a boolean; quote it if it is meant"
                        + " as text"),
                Arguments.of("name: on\n", "1:7: name: 'on' is a boolean to YAML 1.1 readers (such as kubectl) and"
                        + " text to YAML 1.2 readers; write true or false for a boolean; quote it if it is meant as"
                        + " text"),
                Arguments.of("name: 1:30\n", "1:7: name: '1:30' is a base-60 number (as in 1:30 = 90) to YAML 1.1"
                        + " readers and text to YAML 1.2 readers; quote it if it is meant as text"),
                Arguments.of("name: 2024-01-31\n", "1:7: name: '2024-01-31' is a date and time to YAML 1.1 readers"
                        + " and text to YAML 1.2 readers; quote it if it is meant as text"),
                Arguments.of("port: 1e3\n", "1:7: port: '1e3' is a number to one version of YAML and text to the"
                        + " other; write a number with a dot and a signed exponent (such as 1.0e+3); quote it if it"
                        + " is meant as text"),
                // valid YAML of the wrong type is a type problem, not "invalid YAML"
                Arguments.of("port: .inf\n", "1:7: port: expected a whole number, got the number .inf"),
                Arguments.of("port: -.Inf\n", "1:7: port: expected a whole number, got the number -.Inf"),
                Arguments.of("port: .nan\n", "1:7: port: expected a whole number, got the number .nan"),
                Arguments.of("port: 99999999999999999999\n", "1:7: port: expected a whole number, got"
                        + " 99999999999999999999, which is far too large"),
                Arguments.of("port: 3000000000\n", "1:7: port: expected a whole number, got 3000000000, which is far"
                        + " too large"),
                Arguments.of("uid: " + "9".repeat(50) + "\n", "1:6: uid: expected a whole number, got"
                        + " 999999999999999999999999999999... (50 digits), which is far too large"),
                Arguments.of("name: " + "9".repeat(50) + "\n", "1:7: name: expected text, got the number"
                        + " 999999999999999999999999999999... (50 digits); put it in quotes if it is meant as text"),
                // tags change what a value means without saying so: refused (but !!str, which means text)
                Arguments.of("name: !!binary aGVsbG8=\n", "1:7: name: the YAML tag '!!binary' is not supported in"
                        + " vixens-ls files; remove it (and quote the value if it is meant as text)"),
                Arguments.of("name: !foo bar\n", "1:7: name: the YAML tag '!foo' is not supported in vixens-ls"
                        + " files; remove it (and quote the value if it is meant as text)"),
                Arguments.of("inner: !!map {key: a}\n", "1:8: inner: the YAML tag '!!map' is not supported in"
                        + " vixens-ls files; remove it (and quote the value if it is meant as text)"),
                // nothing echoed without bound
                Arguments.of("name: [" + "x".repeat(100) + "]\n", "1:7: name: expected text, got a list"),
                Arguments.of("uid: " + "z".repeat(100_000) + "\n", "1:6: uid: expected a whole number, got the text"
                        + " '" + "z".repeat(80) + "...' (100000 characters, the first 80 shown)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("problems")
    void refusesWithOneLineAtTheOffendingNode(String yaml, String expected) {
        InputException e = catchThrowableOfType(InputException.class, () -> bind(yaml));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problem().format()).isEqualTo("t.yaml:" + expected);
    }

    @Test
    void bindsAValidFileWithAnchorsButNoAliases() {
        Doc doc = bind("name: &n a\nport: 9090\nuid: 0\nflag: false\nitems: [x, z]\ninner: {key: k}\ninterval: 1s\n");

        assertThat(doc).isEqualTo(new Doc("a", 9090, 0L, false, List.of("x", "z"), new Inner("k", null), "1s"));
    }

    @Test
    void textTaggedAsStringStaysText() {
        assertThat(bind("name: !!str 123\nuid: 7\n").name()).isEqualTo("123");
    }

    @Test
    void readsLinesEndedByCarriageReturnsAloneOrWithLineFeeds() {
        assertThat(bind("name: a\rport: 1\r").port()).isEqualTo(1);
        assertThat(bind("name: a\r\nport: 1\r\n").port()).isEqualTo(1);
        InputException e = catchThrowableOfType(InputException.class, () -> bind("name: a\rport: x\r"));
        assertThat(e.problem().format()).isEqualTo("t.yaml:2:7: port: expected a whole number, got the text 'x'");
    }

    @Test
    void anEmptyFileCanStandForDefaults() {
        SourceFile source = SourceFile.fromBytes("t.yaml", "# all defaults\n".getBytes(StandardCharsets.UTF_8));
        Doc fallback = new Doc(null, null, null, null, null, null, null);

        assertThat(YamlBinder.bindOrDefault(source, Doc.class, fallback, YamlBinder.Expectations.NONE))
                .isSameAs(fallback);
    }

    private static Doc bind(String yaml) {
        return YamlBinder.bind(SourceFile.fromBytes("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)), Doc.class,
                INTERVAL);
    }
}
