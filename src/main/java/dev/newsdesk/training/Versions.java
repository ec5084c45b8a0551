package dev.newsdesk.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library versions read from the jars' Maven metadata, for the model card. */
final class Versions {

    private Versions() {}

    /** From the jar's Maven metadata, else its manifest (via a class it holds), else {@code unknown}. */
    static String of(String group, String artifact, Class<?> member) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(path)) {
            if (in == null) {
                String manifest = member.getPackage().getImplementationVersion();
                return manifest == null ? "unknown" : manifest;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
