package cn.jiandu.system;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * Which header or parameter Spring Security's firewall refused. The firewall checks values only when they
 * are read and says which in English; this finds the culprit in the request as it arrived, under the
 * firewall's wrapper, by the firewall's own rule (no control characters). A header sent as UTF-8 (键) reaches
 * the server as Latin-1 characters, some of which are control characters.
 */
final class RejectedInput {

    private RejectedInput() {
    }

    static String describe(HttpServletRequest request) {
        HttpServletRequest raw = unwrapped(request);
        for (String header : Collections.list(raw.getHeaderNames())) {
            for (String value : Collections.list(raw.getHeaders(header))) {
                if (hasControlCharacter(value)) {
                    return "请求头 " + InputNames.headerName(header) + " 含有不允许的字符：请求头的值只能由可打印的 ASCII 字符组成"
                            + "（字母、数字、空格和 - _ . : 等符号），不能含汉字或控制字符。";
                }
            }
        }
        for (String parameter : Collections.list(raw.getParameterNames())) {
            for (String value : raw.getParameterValues(parameter)) {
                if (hasControlCharacter(parameter) || hasControlCharacter(value)) {
                    return "参数 " + parameter + " 含有控制字符，已被拒绝。";
                }
            }
        }
        return "请求含有不允许的字符（例如控制字符），已被拒绝。";
    }

    private static HttpServletRequest unwrapped(HttpServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        return current instanceof HttpServletRequest http ? http : request;
    }

    private static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c));
    }
}
