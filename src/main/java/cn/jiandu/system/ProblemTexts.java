package cn.jiandu.system;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;

/** The Chinese words of Jiandu's error answers, wherever they are written (MVC, /error, Tomcat). */
final class ProblemTexts {

    static final String SERVER_ERROR = "系统内部错误，已记录日志。请稍后重试；如仍失败，请联系系统管理员。";
    private static final int MAX_ECHOED = 60;

    private ProblemTexts() {
    }

    static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求有误";
            case 401 -> "需要登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法提供所要求的格式";
            case 409 -> "冲突";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持的内容类型";
            case 431 -> "请求头过大";
            default -> status.is5xxServerError() ? "系统错误" : "请求有误";
        };
    }

    /** What went wrong when nothing more is known than the status. */
    static String detail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求不符合 HTTP 规范，已被拒绝（例如地址、参数或请求头含有控制字符，或请求头过长）。"
                    + "请求头只能使用可打印的 ASCII 字符。";
            case 401 -> "需要登录：请用 Tasklist 的用户名和密码以 HTTP Basic 方式认证。";
            case 403 -> "无权执行此操作。";
            case 404 -> "没有这个地址。";
            case 405 -> "该地址不支持此请求方法。";
            case 413 -> "请求内容过大。";
            case 414, 431 -> "请求地址或请求头过长。";
            case 415 -> "不支持的内容类型：请求体请以 application/json（UTF-8）发送。";
            default -> status.is5xxServerError() ? SERVER_ERROR : "请求有误。";
        };
    }

    /** A size limit as a person reads it: "20 MB", "512 KB". */
    static String size(org.springframework.util.unit.DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? size.toMegabytes() + " MB"
                : bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " 字节";
    }

    /** What a value of the type must look like, to follow "须为". */
    static String expected(Class<?> type) {
        if (type == null) {
            return "须为正确的类型";
        }
        if (type.isEnum()) {
            return "须为以下之一：" + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining("、"));
        }
        if (type == LocalDate.class) {
            return "须为日期，格式如 2025-03-01，且在 " + SaneDate.RANGE + " 之间";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "须为 true 或 false";
        }
        if (type == Integer.class || type == int.class) {
            return "须为 -2147483648 到 2147483647 之间的整数";
        }
        if (type == Long.class || type == long.class) {
            return "须为整数";
        }
        if (type == String.class) {
            return "须为文本";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "须为 JSON 数组";
        }
        return "须为 JSON 对象";
    }

    /** A value as a message may echo it: quoted, and cut short so that no answer repeats a huge input. */
    static String quoted(Object value) {
        String text = String.valueOf(value);
        return "“" + (text.length() > MAX_ECHOED ? text.substring(0, MAX_ECHOED) + "…" : text) + "”";
    }
}
