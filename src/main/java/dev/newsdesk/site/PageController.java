package dev.newsdesk.site;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Newsdesk's own pages: the playground, the model report and, when it is on, the demo site. */
@Controller
final class PageController {

    private final SiteBackend backend;
    private final Layout layout;
    private final ModelPage modelPage;
    private final DemoPages demoPages;
    private final Optional<DemoArticles> demo;
    private final Clock clock;
    private final String playground;

    /** {@code demo} is empty when the demo is off. */
    PageController(
            SiteBackend backend,
            Layout layout,
            ModelPage modelPage,
            DemoPages demoPages,
            Optional<DemoArticles> demo,
            Clock clock) {
        this.backend = backend;
        this.layout = layout;
        this.modelPage = modelPage;
        this.demoPages = demoPages;
        this.demo = demo;
        this.clock = clock;
        this.playground = layout.page(
                "Classifier playground · Newsdesk",
                "Newsdesk",
                "classifier playground",
                Layout.Section.PLAYGROUND,
                Template.load("playground.html").render(Map.of()),
                "<script src=\"/playground.js\" defer></script>");
    }

    @GetMapping("/playground")
    ResponseEntity<String> playground() {
        return html(playground);
    }

    @GetMapping("/model")
    ResponseEntity<String> model() {
        return html(modelPage.render(backend.modelCard(), backend.modelSource()));
    }

    @GetMapping("/demo")
    ResponseEntity<String> demoFront(HttpServletRequest request) {
        DemoArticles d = demoOrNotFound();
        return html(demoPages.front(
                d, clock.instant(), id -> backend.label(id).orElse(null), FeedController.base(request)));
    }

    @GetMapping("/demo/{id}")
    ResponseEntity<String> demoArticle(@PathVariable String id) {
        DemoArticles d = demoOrNotFound();
        DemoArticle a = d.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no demo article '" + id + "'"));
        return html(demoPages.article(d, a, clock.instant(), backend.label(id).orElse(null)));
    }

    private DemoArticles demoOrNotFound() {
        return demo.orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "the demo site is off; start with --newsdesk.demo.enabled=true"));
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok()
                .contentType(FeedController.HTML)
                .cacheControl(CacheControl.noCache())
                .body(page);
    }
}
