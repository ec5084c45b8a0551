package dev.newsdesk.site;

import dev.newsdesk.system.HttpSettings;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The site's pages and snippets: page builders, the demo articles when the demo is on, the scripts' caching. */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SiteConfiguration.class);

    private final HttpSettings http;

    SiteConfiguration(HttpSettings http) {
        this.http = http;
    }

    /** Sites in {@code newsdesk.http.cors-origins} may fetch the widget's fragment and the feeds from their pages. */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (http.corsOrigins().isEmpty()) {
            return;
        }
        String[] origins = http.corsOrigins().toArray(String[]::new);
        for (String path : new String[] {"/widget/**", "/feeds/**"}) {
            registry.addMapping(path)
                    .allowedOriginPatterns(origins)
                    .allowedMethods("GET")
                    .maxAge(3600);
        }
    }

    /** Sites pick up a new widget.js or beacon.js within minutes. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/widget.js", "/beacon.js")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic());
    }

    @Bean
    Layout siteLayout() {
        return new Layout();
    }

    @Bean
    ModelPage modelPage(Layout layout) {
        return new ModelPage(layout);
    }

    @Bean
    DemoPages demoPages(Layout layout, DemoSettings settings) {
        return new DemoPages(layout, settings.viewAfter(), settings.readAfter());
    }

    @Bean
    @Conditional(DemoOn.class)
    DemoArticles demoArticles(Clock clock) {
        return DemoArticles.bundled(clock.instant());
    }

    @Bean
    @Conditional(DemoOn.class)
    DemoLoader demoLoader(SiteBackend backend, DemoArticles demo) {
        return new DemoLoader(backend, demo);
    }

    /** Stores and registers the demo articles once the service is up. */
    record DemoLoader(SiteBackend backend, DemoArticles demo) {
        @EventListener(ApplicationReadyEvent.class)
        public void load() {
            if (backend.loadDemo(demo)) {
                log.info(
                        "demo site: {} articles loaded; see /demo (newsdesk.demo.enabled=false turns it off; the"
                                + " demo also leaves by itself at the first start after the site stores its own)",
                        demo.articles().size());
            } else {
                log.info("demo site: not loaded, and its articles removed: the store holds the site's own articles");
            }
        }
    }

    /** {@link DemoSettings#on}: set explicitly, else on with the embedded database. */
    static final class DemoOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            DemoSettings settings = Binder.get(env).bindOrCreate("newsdesk.demo", DemoSettings.class);
            return settings.on(env.getProperty("spring.datasource.url"));
        }
    }
}
