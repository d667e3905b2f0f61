package cn.jiandu.system;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The name a caller knows an input by: the header, parameter or path variable as written in the request. */
final class InputNames {

    private InputNames() {
    }

    static String name(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return named(header.name(), header.value(), parameter);
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            return named(param.name(), param.value(), parameter);
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        return path != null ? named(path.name(), path.value(), parameter) : String.valueOf(parameter.getParameterName());
    }

    /** The name with what kind of input it is, as a message names it: "请求头 Idempotency-Key". */
    static String label(MethodParameter parameter) {
        String kind = parameter.hasParameterAnnotation(RequestHeader.class) ? "请求头 "
                : parameter.hasParameterAnnotation(PathVariable.class) ? "地址中的 "
                : parameter.hasParameterAnnotation(RequestParam.class) ? "参数 " : "";
        return kind + name(parameter);
    }

    /** A header name as people write it (Idempotency-Key); the servlet container gives it in lower case. */
    static String headerName(String name) {
        StringBuilder written = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            written.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return written.toString();
    }

    private static String named(String name, String value, MethodParameter parameter) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : String.valueOf(parameter.getParameterName());
    }
}
