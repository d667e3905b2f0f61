package cn.jiandu.notices;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A bulletin's text as the public reads it: paragraphs (separated by an empty line) that name a withdrawn
 * case by its number are left out, so that a decision revoked on appeal is no longer named in public. When
 * the text does not name a withdrawn case by its number, no paragraph can be told to be its own, and the
 * text is left out altogether: the cases still named show with their persons below it.
 */
final class BulletinText {

    private static final String PARAGRAPH_BREAK = "\\n\\s*\\n";

    private BulletinText() {
    }

    static String shown(String body, Collection<String> withdrawnCaseNumbers) {
        if (withdrawnCaseNumbers.isEmpty()) {
            return body;
        }
        if (!missing(body, withdrawnCaseNumbers).isEmpty()) {
            return "";
        }
        return Arrays.stream(body.replace("\r\n", "\n").split(PARAGRAPH_BREAK))
                .filter(paragraph -> withdrawnCaseNumbers.stream().noneMatch(paragraph::contains))
                .collect(Collectors.joining("\n\n"));
    }

    /** The case numbers the text does not name. */
    static java.util.List<String> missing(String body, Collection<String> caseNumbers) {
        return caseNumbers.stream().filter(number -> !body.contains(number)).toList();
    }
}
