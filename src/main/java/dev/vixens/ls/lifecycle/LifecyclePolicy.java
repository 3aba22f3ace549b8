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
 *
 * <p>On a versioned bucket {@code Expiration} only puts a delete marker over the current version and frees
 * nothing; there the rule also expires noncurrent versions ({@code NoncurrentVersionExpiration}) and a
 * second rule removes the delete markers left with no version under them ({@code ExpiredObjectDeleteMarker},
 * which S3 does not allow in the same {@code Expiration} element as {@code Days}).
 */
public final class LifecyclePolicy {

    public static final int DEFAULT_EXPIRY_DAYS = 30;

    private LifecyclePolicy() {
    }

    /** @param prefix the key prefix the rule applies to; empty for the whole bucket */
    public static String json(int expiryDays, String prefix) {
        return print(List.of(expiry(expiryDays, prefix)));
    }

    /** The rules for a versioned bucket: noncurrent versions expire too, and bare delete markers go. */
    public static String versionedJson(int expiryDays, int noncurrentDays, String prefix) {
        Map<String, Object> expiry = expiry(expiryDays, prefix);
        expiry.put("NoncurrentVersionExpiration", Map.of("NoncurrentDays", noncurrentDays));
        Map<String, Object> markers = new LinkedHashMap<>();
        markers.put("ID", "vixens-ls-remove-expired-delete-markers");
        markers.put("Status", "Enabled");
        markers.put("Filter", Map.of("Prefix", prefix));
        markers.put("Expiration", Map.of("ExpiredObjectDeleteMarker", true));
        return print(List.of(expiry, markers));
    }

    private static Map<String, Object> expiry(int expiryDays, String prefix) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ID", "vixens-ls-expire-after-" + expiryDays + "-days");
        rule.put("Status", "Enabled");
        rule.put("Filter", Map.of("Prefix", prefix));
        rule.put("Expiration", Map.of("Days", expiryDays));
        return rule;
    }

    private static String print(List<Map<String, Object>> rules) {
        Map<String, Object> policy = Map.of("Rules", rules);
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
