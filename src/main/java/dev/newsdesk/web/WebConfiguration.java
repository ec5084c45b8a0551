package dev.newsdesk.web;

import dev.newsdesk.ingest.Readers;
import dev.newsdesk.system.HttpSettings;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Keys, body limit, CORS for the public endpoints, and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String API = "/api/v1";

    private final HttpSettings settings;
    private final AccessInterceptor access;

    WebConfiguration(HttpSettings settings, AccessInterceptor access) {
        this.settings = settings;
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).addPathPatterns(API + "/**");
    }

    /** Site pages may call the public endpoints from the configured origins; nothing else is open cross-origin. */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (settings.corsOrigins().isEmpty()) {
            return;
        }
        String[] origins = settings.corsOrigins().toArray(String[]::new);
        registry.addMapping(API + "/events")
                .allowedOriginPatterns(origins)
                .allowedMethods("POST")
                .allowedHeaders("Content-Type")
                .maxAge(3600);
        registry.addMapping(API + "/trending")
                .allowedOriginPatterns(origins)
                .allowedMethods("GET")
                .maxAge(3600);
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter() {
        var bean = new FilterRegistrationBean<>(
                new BodyLimitFilter(settings.maxBodySize().toBytes()));
        bean.addUrlPatterns(API + "/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    @Bean
    Readers readers() {
        return Readers.withDefaults();
    }

    @Bean
    OpenAPI newsdeskOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Newsdesk")
                        .version("v1")
                        .description("Classifies news articles (News, Crime, Opinion) and ranks them into Trending"
                                + " lists. Errors are RFC 9457 problem+json with a stable type per kind.")
                        .license(new License().name("GPL-3.0-or-later")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A write or admin key (newsdesk.security.*)")));
    }
}
