package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.ADMIN_KEY;
import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.TestModels;
import dev.newsdesk.system.ModelService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A model swap under load: nothing fails, and answers move to the new version and stay there. */
@ServerTest
@TestPropertySource(properties = "spring.application.name=newsdesk-reload-test")
@DirtiesContext
class ModelReloadTest {

    private static final int CLIENTS = 4;

    @LocalServerPort
    int port;

    @Autowired
    ModelService models;

    /** One answer a client got: which client, in which order, the status and the model version. */
    record Answer(int client, int seq, int status, String version) {}

    @Test
    void requestsInFlightAcrossASwapAllSucceedAndAnswersSwitchToTheNewVersion() throws Exception {
        Api api = new Api(port);
        String first = models.card().version();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean swapped = new AtomicBoolean();
        AtomicInteger afterSwap = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().start(() -> {
                for (int seq = 0; !swapped.get() || afterSwap.get() < 200; seq++) {
                    Api.Response r = api.post("/api/v1/classify?explain=false")
                            .key(WRITE_KEY)
                            .json(ApiRoundTrips.articleJson(ApiRoundTrips.CRIME_TITLE, ApiRoundTrips.CRIME_TEXT))
                            .send();
                    String version =
                            r.status() == 200 ? r.json().path("modelVersion").asString() : null;
                    answers.add(new Answer(client, seq, r.status(), version));
                    if (swapped.get()) {
                        afterSwap.incrementAndGet();
                    }
                }
            }));
        }
        while (answers.size() < 200) {
            Thread.onSpinWait();
        }

        Path served = Path.of(models.source());
        String second = TestModels.write(served, TestModels.SECOND).version();
        Api.Response reload = api.post("/api/v1/model/reload").key(ADMIN_KEY).send();
        swapped.set(true);
        for (Thread t : clients) {
            t.join();
        }

        assertThat(second).isNotEqualTo(first);
        assertThat(reload.status()).as(reload.text()).isEqualTo(200);
        assertThat(reload.json().path("previousVersion").asString()).isEqualTo(first);
        assertThat(reload.json().path("version").asString()).isEqualTo(second);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        Set<String> seen = new LinkedHashSet<>();
        answers.forEach(a -> seen.add(a.version()));
        assertThat(seen).containsExactlyInAnyOrder(first, second);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            List<String> versions = answers.stream()
                    .filter(a -> a.client() == client)
                    .sorted(java.util.Comparator.comparingInt(Answer::seq))
                    .map(Answer::version)
                    .toList();
            int firstNew = versions.indexOf(second);
            assertThat(firstNew).as("client %d saw the new model", client).isNotNegative();
            assertThat(versions.subList(firstNew, versions.size()))
                    .as("client %d never went back to the old model", client)
                    .containsOnly(second);
        }
        assertThat(api.get("/api/v1/model").send().json().path("version").asString())
                .isEqualTo(second);
    }
}
