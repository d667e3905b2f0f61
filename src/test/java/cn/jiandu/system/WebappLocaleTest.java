package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Chinese translations of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome)
 * in src/main/resources/META-INF/resources/webjars/camunda/app/&lt;app&gt;/ against the English
 * originals shipped in camunda-webapp-webjar. No Spring context.
 */
class WebappLocaleTest {

  private static final String WEBJAR_APP_PREFIX = "META-INF/resources/webjars/camunda/app/";
  private static final Path OVERRIDE_APP_DIR =
      Path.of("src", "main", "resources", "META-INF", "resources", "webjars", "camunda", "app");

  /** The CE end-of-life banner ("time to migrate to Camunda 8") is deliberately blanked. */
  private static final String BANNER_KEY = "BANNER_CE_EOL_TEXT";

  /**
   * Labels whose English value is just the plural suffix "s"; Chinese has no plural suffix, so
   * they are intentionally "".
   */
  private static final Map<String, Set<String>> PLURAL_SUFFIX_KEYS = Map.of(
      "cockpit", Set.of(
          "labels/PLGN_BATCH_S",
          "labels/PLGN_MIG_S",
          "labels/PLGN_MOD_DIALOG_S",
          "labels/PLGN_MOD_RESTART_DIALOG_S"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern FALLBACK_ZH = Pattern.compile("fallbackLocale\\s*:\\s*'zh'");
  private static final Pattern AVAILABLE_ZH_EN =
      Pattern.compile("availableLocales\\s*:\\s*\\[\\s*'zh'\\s*,\\s*'en'\\s*]");

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseLabelsMatchEnglishOriginal(String app) throws IOException {
    Map<String, String> en = flatten(mapper.readTree(readEnglishFromWebjar(app)));
    Path zhFile = OVERRIDE_APP_DIR.resolve(Path.of(app, "locales", "zh.json"));
    String zhText = Files.readString(zhFile, StandardCharsets.UTF_8);
    assertThat(zhText).as("%s must be UTF-8 without BOM", zhFile).doesNotStartWith("\uFEFF");
    Map<String, String> zh = flatten(mapper.readTree(zhText));

    assertThat(en).as("English labels of %s", app).isNotEmpty();
    assertThat(zh.keySet()).as("keys of %s/zh.json", app).containsAll(en.keySet());
    Set<String> extra = new TreeSet<>(zh.keySet());
    extra.removeAll(en.keySet());
    assertThat(extra).as("keys in %s/zh.json that en.json does not have", app).isEmpty();

    Set<String> allowedEmpty = PLURAL_SUFFIX_KEYS.getOrDefault(app, Set.of());
    for (String key : allowedEmpty) {
      assertThat(en.get(key)).as("%s en %s", app, key).isEqualTo("s");
    }
    assertThat(zh.get("labels/" + BANNER_KEY)).as("%s zh %s", app, BANNER_KEY).isEqualTo("");

    for (Map.Entry<String, String> entry : en.entrySet()) {
      String key = entry.getKey();
      String english = entry.getValue();
      String chinese = zh.get(key);
      if (!english.isEmpty() && !key.equals("labels/" + BANNER_KEY)
          && !allowedEmpty.contains(key)) {
        assertThat(chinese).as("%s zh %s (en: %s)", app, key, english).isNotEmpty();
      }
      if (!key.equals("labels/" + BANNER_KEY)) {
        assertThat(placeholders(chinese))
            .as("%s zh %s placeholders (en: %s, zh: %s)", app, key, english, chinese)
            .containsAll(placeholders(english));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configDefaultsToChinese(String app) throws IOException {
    String config = Files.readString(
        OVERRIDE_APP_DIR.resolve(Path.of(app, "scripts", "config.js")), StandardCharsets.UTF_8);
    assertThat(config).contains("export default {");
    assertThat(FALLBACK_ZH.matcher(config).find())
        .as("%s config.js sets fallbackLocale 'zh'", app).isTrue();
    assertThat(AVAILABLE_ZH_EN.matcher(config).find())
        .as("%s config.js sets availableLocales ['zh', 'en']", app).isTrue();
    assertThat(config).contains("vendor: '区纪委监委监督平台'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theCommissionsNameReplacesTheCamundaWordmark(String app) throws IOException {
    String css = Files.readString(
        OVERRIDE_APP_DIR.resolve(Path.of(app, "styles", "user-styles.css")),
        StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    assertThat(css).contains(".login-header .login-logo svg,", ".brand-logo svg { display: none !important; }",
        ".login-logo::before { content: \"区纪委监委监督平台\";");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void ceEndOfLifeBannerIsHidden(String app) throws IOException {
    String css = Files.readString(
        OVERRIDE_APP_DIR.resolve(Path.of(app, "styles", "user-styles.css")),
        StandardCharsets.UTF_8);
    assertThat(css.replaceAll("\\s+", " "))
        .contains(".ce-eol-banner { display: none !important; }");
  }

  private String readEnglishFromWebjar(String app) throws IOException {
    String resource = WEBJAR_APP_PREFIX + app + "/locales/en.json";
    URL url = getClass().getClassLoader().getResource(resource);
    assertThat(url).as("classpath resource %s", resource).isNotNull();
    assertThat(url.toString()).as("en.json must come from the Camunda webjar")
        .contains("camunda-webapp-webjar");
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  /** Leaf values keyed by their slash-separated path; array elements use their index. */
  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(path.isEmpty() ? field.getKey() : path + "/" + field.getKey(), field.getValue(),
            leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "/" + i, node.get(i), leaves);
      }
    } else {
      leaves.put(path, node.asText());
    }
  }

  private static List<String> placeholders(String value) {
    if (value == null) {
      return List.of();
    }
    Matcher matcher = PLACEHOLDER.matcher(value);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1).replaceAll("\\s+", ""));
    }
    return found;
  }
}
