package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class VisitorKeysTest {

    private static final long DAY = 86_400_000L;
    private static final long NOW = 20_000 * DAY + 3_600_000;
    private static final VisitorKeys.SaltSource FIXED = period -> new long[] {period * 31 + 1, period * 17 + 5};

    private final VisitorKeys keys = new VisitorKeys(DAY, 1_800_000, FIXED);

    private long key(String visitor, String ip, String ua, String article, EventType type) {
        return keys.key(NOW, visitor, ip, ua, article, type);
    }

    @Test
    void keysComeInPairsOnlyInTheDedupeWindowAfterARotationAndTheSettingsSayWhen() {
        var settings = TrendingSettings.DEFAULTS; // rotation 1 day, window 30 min, as keys above
        var defaults = new VisitorKeys(
                settings.saltRotation().toMillis(), settings.dedupeWindow().toMillis(), FIXED);
        long midnight = 20_001 * DAY;
        for (long t : new long[] {midnight, midnight + 1_799_999, midnight + 1_800_000, midnight - 1, NOW}) {
            boolean paired = defaults.previousKey(t, "v-1", null, "UA", "a1", EventType.VIEW) != 0;
            assertThat(settings.keysTwiceAt(t)).as("at %d", t).isEqualTo(paired);
            assertThat(paired).as("at %d", t).isEqualTo(t >= midnight && t < midnight + 1_800_000);
        }
    }

    @Test
    void nodesSharingTheSaltComputeTheSameKey() {
        var other = new VisitorKeys(DAY, 1_800_000, FIXED);
        assertThat(other.key(NOW, "v-1", null, "UA", "a1", EventType.VIEW))
                .isEqualTo(key("v-1", null, "UA", "a1", EventType.VIEW));
        assertThat(other.key(NOW, null, "203.0.113.9", "UA", "a1", EventType.VIEW))
                .isEqualTo(key(null, "203.0.113.9", "UA", "a1", EventType.VIEW));
    }

    @Test
    void everyPartOfThePairChangesTheKey() {
        var distinct = new HashSet<Long>();
        // the same characters split differently between article, visitor, address and agent must not collide
        assertThat(distinct.add(key("bc", null, null, "a", EventType.VIEW))).isTrue();
        assertThat(distinct.add(key("c", null, null, "ab", EventType.VIEW))).isTrue();
        assertThat(distinct.add(key(null, "bc", null, "a", EventType.VIEW))).isTrue();
        assertThat(distinct.add(key(null, "b", "c", "a", EventType.VIEW))).isTrue();
        assertThat(distinct.add(key(null, "", "bc", "a", EventType.VIEW))).isTrue();
        assertThat(distinct.add(key("bc", null, null, "a", EventType.LIKE))).isTrue();
        // a non-ASCII character is not folded onto an ASCII one
        assertThat(distinct.add(key("b\u0163", null, null, "a", EventType.VIEW)))
                .isTrue();
        assertThat(distinct.add(key("bc", null, null, "\u0161", EventType.VIEW)))
                .isTrue();
        assertThat(distinct.add(key("bc", null, null, "a", EventType.VIEW))).isFalse();
    }

    @Test
    void aVisitorIdOutranksTheAddressAndLongIdsHashWhole() {
        String longId = "visitor-" + "0123456789abcdef".repeat(4);
        assertThat(key(longId, "203.0.113.9", "UA", "a1", EventType.VIEW))
                .isEqualTo(key(longId, "198.51.100.7", "other", "a1", EventType.VIEW))
                .isNotEqualTo(key(longId + "x", "203.0.113.9", "UA", "a1", EventType.VIEW));
    }

    @Test
    void thePreviousSaltAppliesOnlyWithinTheOverlap() {
        long midnight = 20_001 * DAY;
        long before = keys.key(midnight - 60_000, "v", null, null, "a", EventType.VIEW);
        assertThat(keys.previousKey(midnight + 60_000, "v", null, null, "a", EventType.VIEW))
                .isEqualTo(before);
        assertThat(keys.key(midnight + 60_000, "v", null, null, "a", EventType.VIEW))
                .isNotEqualTo(before);
        assertThat(keys.previousKey(midnight + 1_800_000, "v", null, null, "a", EventType.VIEW))
                .isZero();
    }
}
