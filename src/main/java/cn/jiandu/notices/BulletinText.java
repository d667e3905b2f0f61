package cn.jiandu.notices;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A bulletin's text as the public reads it: paragraphs (separated by an empty line) that name a withdrawn
 * case by its number are left out, so that a decision revoked on appeal is no longer named in public.
 */
final class BulletinText {

    private static final String PARAGRAPH_BREAK = "\\n\\s*\\n";

    private BulletinText() {
    }

    static String shown(String body, Collection<String> withdrawnCaseNumbers) {
        if (withdrawnCaseNumbers.isEmpty()) {
            return body;
        }
        return Arrays.stream(body.replace("\r\n", "\n").split(PARAGRAPH_BREAK))
                .filter(paragraph -> withdrawnCaseNumbers.stream().noneMatch(paragraph::contains))
                .collect(Collectors.joining("\n\n"));
    }

    /** The case numbers the text does not name: each case needs its own paragraph with its number. */
    static java.util.List<String> missing(String body, Collection<String> caseNumbers) {
        return caseNumbers.stream().filter(number -> !body.contains(number)).toList();
    }
}
