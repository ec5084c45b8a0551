package dev.newsdesk.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library versions read from the jars' Maven metadata, for the model card. */
final class Versions {

    private Versions() {}

    static String of(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
