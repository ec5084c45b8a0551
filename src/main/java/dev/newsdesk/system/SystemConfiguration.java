package dev.newsdesk.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** The one clock: tests replace it to move time without waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
