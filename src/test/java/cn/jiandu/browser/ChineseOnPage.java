package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * Holds a rendered page to Chinese, as a person sees it: no English in its visible text or its
 * placeholder, title and aria-label attributes (beyond numbers, addresses and dates), and on a task's
 * form every visible label, placeholder and button in Chinese.
 */
final class ChineseOnPage {

    /**
     * Latin text a Chinese page may carry: case and rectification numbers, e-mail addresses, "ID"
     * in labels such as 定义 ID, dates, "Word" in Word 文件 (the name officers know the file kind by), and
     * a login name in brackets beside the person's name, as Jiandu's pages name officers: 李建国（north1）.
     */
    private static final Pattern ALLOWED_LATIN = Pattern.compile(
            "JD-\\d{4}-\\d{5}|ZG-\\d{4}-\\d+|[\\w.+-]+@[\\w.-]+|\\bID\\b|\\d{4}-\\d{2}-\\d{2}|\\bWord(?= 文件)"
            + "|(?<=\\p{IsHan})（[a-z][a-z0-9]*）");
    private static final Pattern TWO_LATIN_LETTERS = Pattern.compile("[A-Za-z]{2}");
    /**
     * Cockpit also shows what the models and cases hold: keys, variable names and values, enum
     * constants, ids, file names, value types. One token written as code is that, not a word of the
     * page; a capitalised English word ("Actions", "Unique") is the page's own and must be Chinese.
     */
    private static final Pattern CODE_TOKEN = Pattern.compile("[\\w.:\\-\"',/]+");
    private static final Pattern PAGE_WORD = Pattern.compile("[A-Z][a-z]+");
    private static final List<String> VALUE_TYPES = List.of("String", "Boolean", "Date", "Integer", "Long", "Double",
            "Short", "Json", "Xml", "Object", "Null", "Bytes", "File");

    /** Whether an element is seen: displayed, visible, with a size; the bpmn.io watermark is never counted. */
    private static final String SEEN = """
            const seen = el => {
              if (!el || el.closest('[class*="powered-by"]')) return false;
              const style = getComputedStyle(el);
              if (style.display === 'none' || style.visibility === 'hidden') return false;
              const box = el.getBoundingClientRect();
              return box.width > 0 && box.height > 0;
            };
            """;

    /**
     * The page's visible text and its placeholder, title and aria-label attributes that hold two Latin
     * letters in a row. The bpmn.io watermark ("Powered by bpmn.io" on diagrams and forms) is left out:
     * its licence forbids changing it.
     */
    private static final String LATIN_ON_PAGE = SEEN + """
            const latin = /[A-Za-z]{2}/;
            const root = arguments[0] || document.body;
            const found = [];
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.nodeValue.trim();
              const parent = node.parentElement;
              if (text && latin.test(text) && !parent.closest('script, style, noscript') && seen(parent)) found.push(text);
            }
            for (const el of root.querySelectorAll('[placeholder], [title], [aria-label]')) {
              for (const name of ['placeholder', 'title', 'aria-label']) {
                const value = (el.getAttribute(name) || '').trim();
                if (value && latin.test(value) && seen(el)) found.push(name + '=' + value);
              }
            }
            return found;""";

    /**
     * The open task's visible labels, placeholders, buttons and field messages whose words are not
     * Chinese: any letter but no Chinese character. A required field's mark (*) and an icon's × are no
     * words; an icon button is held to its title or aria-label.
     */
    private static final String WORDS_NOT_CHINESE = SEEN + """
            const notChinese = text => /\\p{L}/u.test(text) && !/\\p{Script=Han}/u.test(text);
            const task = document.querySelector('.task-details');
            const found = [];
            if (!task) return ['no task open'];
            for (const el of task.querySelectorAll('label, button, .fjs-form-field-error, .fjs-form-field-description, th')) {
              if (!seen(el)) continue;
              const copy = el.cloneNode(true);
              copy.querySelectorAll('.fjs-asterix, input, select, textarea').forEach(part => part.remove());
              const text = copy.textContent.replace(/\\s+/g, ' ').trim();
              if (notChinese(text)) found.push(el.tagName.toLowerCase() + ': ' + text);
            }
            for (const el of task.querySelectorAll('[placeholder], button[title], button[aria-label]')) {
              for (const name of ['placeholder', 'title', 'aria-label']) {
                const value = (el.getAttribute(name) || '').trim();
                if (value && notChinese(value) && seen(el)) found.push(name + '=' + value);
              }
            }
            return found;""";

    private ChineseOnPage() {
    }

    /** Waits for the page to show no English beyond the allowed, then holds it to that. */
    static void assertNoEnglish(Browser browser, String page, boolean showsModelData) {
        assertNoEnglish(browser, page, null, showsModelData);
    }

    /** The same for one part of a page, such as one section of the case page. */
    static void assertNoEnglishIn(Browser browser, String part, WebElement scope) {
        assertNoEnglish(browser, part, scope, false);
    }

    private static void assertNoEnglish(Browser browser, String page, WebElement scope, boolean showsModelData) {
        try {
            browser.waitUntil(d -> englishOnPage(browser, scope, showsModelData).isEmpty(), Duration.ofSeconds(10));
        } catch (TimeoutException stillEnglish) {
            // the assertion below names what is left
        }
        assertThat(englishOnPage(browser, scope, showsModelData)).as("English on " + page).isEmpty();
    }

    /**
     * The open task's form in Chinese: no English on the page, and every visible label, placeholder,
     * button and message of the task in Chinese words.
     */
    static void assertTaskInChinese(Browser browser, String page) {
        assertNoEnglish(browser, page, null, false);
        assertThat(wordsNotChinese(browser)).as("words not in Chinese on " + page).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> wordsNotChinese(Browser browser) {
        return (List<String>) browser.script(WORDS_NOT_CHINESE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> englishOnPage(Browser browser, WebElement scope, boolean showsModelData) {
        List<String> found = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(LATIN_ON_PAGE, scope);
        return found.stream()
                .filter(text -> !(showsModelData && isModelData(text.replaceFirst("^(placeholder|title|aria-label)=", ""))))
                .filter(text -> TWO_LATIN_LETTERS.matcher(ALLOWED_LATIN.matcher(text).replaceAll("")).find())
                .distinct()
                .toList();
    }

    private static boolean isModelData(String text) {
        return VALUE_TYPES.contains(text)
                || CODE_TOKEN.matcher(text).matches() && !PAGE_WORD.matcher(text).matches();
    }
}
