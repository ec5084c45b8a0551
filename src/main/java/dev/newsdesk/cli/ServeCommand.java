package dev.newsdesk.cli;

import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.classify.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code newsdesk serve}: runs the HTTP service until stopped; every argument goes to Spring Boot. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the HTTP service (API under /api/v1, Swagger UI at /swagger-ui.html).",
            "Arguments are Spring settings, e.g. --server.port=9000 --newsdesk.classify.model-path=model.ndm",
            "--spring.datasource.url=jdbc:postgresql://db/newsdesk (see docs/http.md)."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context;
        try {
            context = NewsdeskApplication.start(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("newsdesk: cannot start: " + reason(e));
            return Main.FAILURE;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return Main.OK;
    }

    /** The most telling message in the chain: a model problem, else the innermost cause. */
    static String reason(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelException) {
                return Main.oneLine(t);
            }
            root = t;
        }
        return Main.oneLine(root);
    }
}
