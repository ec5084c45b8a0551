package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.ADMIN_KEY;
import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsdesk.support.TestModels;
import dev.newsdesk.system.ModelService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A model file dropped into the watched directory is picked up; a broken one is refused and changes nothing. */
@ServerTest
@TestPropertySource(properties = "newsdesk.classify.watch-interval=100ms")
@DirtiesContext
class ModelWatchTest {

    @LocalServerPort
    int port;

    @Autowired
    ModelService models;

    @Test
    void aBrokenDropIsRefusedAndAGoodOneIsServedWithoutARestart() throws Exception {
        Api api = new Api(port);
        String first = models.card().version();
        Path broken = models.directory().resolve("broken.ndm");
        Files.writeString(broken, "NEWSDESK-MODEL\nnot really");
        Files.setLastModifiedTime(broken, FileTime.from(Instant.now().plusSeconds(10)));

        models.checkForNewModel();
        Api.Response reload = api.post("/api/v1/model/reload").key(ADMIN_KEY).send();

        assertThat(models.card().version()).isEqualTo(first);
        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().path("type").asString()).isEqualTo("urn:newsdesk:problem:model-rejected");
        assertThat(api.post("/api/v1/classify")
                        .key(WRITE_KEY)
                        .json(ApiRoundTrips.articleJson(ApiRoundTrips.CRIME_TITLE, ApiRoundTrips.CRIME_TEXT))
                        .send()
                        .status())
                .isEqualTo(200);

        Path dropped = models.directory().resolve("second.ndm");
        String second = TestModels.write(dropped, TestModels.SECOND).version();
        Files.setLastModifiedTime(dropped, FileTime.from(Instant.now().plusSeconds(20)));

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/model")
                                .send()
                                .json()
                                .path("version")
                                .asString(),
                        second::equals);
        assertThat(models.source()).isEqualTo(dropped.toString());
    }
}
