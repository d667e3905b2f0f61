package cn.jiandu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The embedded database as application.yaml configures it when JIANDU_DB_URL is not set, moved
 * into a directory of the test's or the bench's own: so that they run on the settings users get
 * (such as WRITE_DELAY) and not on a URL of their own that could drift from it.
 */
public final class EmbeddedDefault {

    private static final String FILE_PREFIX = "jdbc:h2:file:";

    private EmbeddedDefault() {
    }

    /** The default URL with its database file {@code jiandu} in {@code directory} instead of ./data. */
    public static String urlIn(Path directory) {
        String url = defaultUrl();
        int settings = url.indexOf(';');
        String file = settings < 0 ? url : url.substring(0, settings);
        if (!file.startsWith(FILE_PREFIX)) {
            throw new IllegalStateException("the default database is no longer an H2 file: " + url);
        }
        String name = Path.of(file.substring(FILE_PREFIX.length())).getFileName().toString();
        return FILE_PREFIX + directory.toAbsolutePath().resolve(name) + (settings < 0 ? "" : url.substring(settings));
    }

    /** spring.datasource.url of application.yaml with every ${VARIABLE:default} at its default. */
    public static String defaultUrl() {
        try {
            PropertySource<?> yaml = new YamlPropertySourceLoader()
                    .load("application.yaml", new ClassPathResource("application.yaml")).get(0);
            String raw = String.valueOf(yaml.getProperty("spring.datasource.url"));
            return new PropertyPlaceholderHelper("${", "}", ":", null, false).replacePlaceholders(raw, name -> null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
