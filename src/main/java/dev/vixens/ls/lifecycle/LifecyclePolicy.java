package dev.vixens.ls.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ADR-014's Layer 2 safety net: a bucket lifecycle rule that expires every object after some days, in the
 * JSON form {@code mc ilm export} writes and {@code mc ilm import} reads (S3's LifecycleConfiguration).
 */
public final class LifecyclePolicy {

    public static final int DEFAULT_EXPIRY_DAYS = 30;

    private LifecyclePolicy() {
    }

    /** @param prefix the key prefix the rule applies to; empty for the whole bucket */
    public static String json(int expiryDays, String prefix) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ID", "vixens-ls-expire-after-" + expiryDays + "-days");
        rule.put("Status", "Enabled");
        rule.put("Filter", Map.of("Prefix", prefix));
        rule.put("Expiration", Map.of("Days", expiryDays));
        Map<String, Object> policy = Map.of("Rules", List.of(rule));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(policy) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
