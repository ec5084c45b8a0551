package dev.newsdesk.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsdesk.events.*}: how much one client may send to {@code POST /events}.
 *
 * @param ratePerSecond events per second a client address may send, on average; {@code 0} turns the limit off
 * @param burst events a client may send at once before the rate applies
 * @param maxBatch most events in one request
 * @param trackedClients most client networks (hashed) kept in memory for the limit, idle ones forgotten first; the
 *     per-network quota holds up to four times as many network-article pairs (at most a million)
 * @param perNetworkArticle most events of one type that one client network (an IPv4 address, an IPv6 /64) may have
 *     counted for one article within the trending dedupe window, whatever visitor ids it sends; {@code 0} turns the
 *     quota off
 */
@ConfigurationProperties("newsdesk.events")
public record EventSettings(
        @DefaultValue("20") double ratePerSecond,
        @DefaultValue("100") int burst,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("100000") int trackedClients,
        @DefaultValue("100") int perNetworkArticle) {

    public EventSettings {
        if (ratePerSecond < 0 || burst < 1 || maxBatch < 1 || trackedClients < 1 || perNetworkArticle < 0) {
            throw new IllegalArgumentException("newsdesk.events: rate-per-second and per-network-article must be 0 or"
                    + " more, burst, max-batch and tracked-clients positive");
        }
    }
}
