package dev.vixens.ls.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void toBuilderKeepsEveryValueAndChangesOnlyWhatItIsTold() {
        Settings builtIn = SettingsResolver.BUILT_IN;

        assertThat(builtIn.toBuilder().build()).isEqualTo(builtIn);
        Settings nativeSidecar = builtIn.withNativeSidecar(true);
        assertThat(nativeSidecar.nativeSidecar()).isTrue();
        assertThat(nativeSidecar.withNativeSidecar(false)).isEqualTo(builtIn);
    }

    @Test
    void aValueLeftUnsetIsRefusedByName() {
        Settings.Builder withoutPort = Settings.builder().litestreamImage("litestream/litestream");

        assertThatThrownBy(withoutPort::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("Settings.metricsPort is not set");
        assertThatThrownBy(() -> SettingsResolver.BUILT_IN.toBuilder().secret(null).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("Settings.secret is not set");
    }
}
