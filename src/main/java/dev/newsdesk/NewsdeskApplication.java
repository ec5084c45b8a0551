package dev.newsdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The HTTP service: classifier, article store and trending behind {@code /api/v1}. Started by {@code newsdesk serve}. */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class NewsdeskApplication {

    /** Starts the service with Spring arguments such as {@code --server.port=9000}; returns once it is ready. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplication(NewsdeskApplication.class).run(args);
    }
}
