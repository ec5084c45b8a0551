package dev.newsdesk.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to one node over HTTP: JSON in, status and JSON out. */
final class NodeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // the trending gate drops what looks like a script, so events come from a browser
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0";

    private final String name;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    NodeClient(String name, int port) {
        this.name = name;
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response; {@link #json()} parses the body. */
    record Reply(String node, String request, int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The body as JSON, after checking the status. */
        JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError(
                        node + ": " + request + " answered " + status + ", expected " + expected + ": " + body);
            }
            return json();
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path);
    }

    Reply post(String path, String key, String json) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), key, json, "POST"), "POST " + path);
    }

    Reply delete(String path, String key) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), key, null, "DELETE"), "DELETE " + path);
    }

    Reply put(String path, String key, String json) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), key, json, "PUT"), "PUT " + path);
    }

    boolean isReady() {
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder withJson(HttpRequest.Builder b, String key, String json, String method) {
        b.header("Content-Type", "application/json").header("User-Agent", BROWSER);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    private Reply send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(name, what, r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError(name + ": " + what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
