package cn.jiandu.engineapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A request to one of the engine's APIs, as the servlet container decoded and normalised it:
 * Camunda REST at /engine-rest (default engine or /engine/{name}), the same resources behind the
 * webapps at /camunda/api/engine/engine/{name}, and the webapps' own APIs.
 */
record EngineCall(String method, Area area, List<String> path, boolean cascade) {

    enum Area { ENGINE, COCKPIT, ADMIN, WEBAPP_LOGIN, OTHER_WEBAPP }

    static EngineCall of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<String> segments = Arrays.stream((servletPath + pathInfo).split("/")).filter(s -> !s.isEmpty()).toList();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean cascade = request.getQueryString() != null
                && request.getQueryString().toLowerCase(Locale.ROOT).matches("(.*&)?cascade=true(&.*)?");
        if (starts(segments, "engine-rest")) {
            List<String> rest = segments.subList(1, segments.size());
            return new EngineCall(method, Area.ENGINE, starts(rest, "engine") && rest.size() >= 2
                    ? rest.subList(2, rest.size()) : rest, cascade);
        }
        if (starts(segments, "camunda", "api", "engine", "engine") && segments.size() >= 5) {
            return new EngineCall(method, Area.ENGINE, segments.subList(5, segments.size()), cascade);
        }
        if (starts(segments, "camunda", "api", "admin", "auth")) {
            return new EngineCall(method, Area.WEBAPP_LOGIN, segments.subList(4, segments.size()), cascade);
        }
        if (starts(segments, "camunda", "api", "admin")) {
            return new EngineCall(method, Area.ADMIN, segments.subList(3, segments.size()), cascade);
        }
        if (starts(segments, "camunda", "api", "cockpit")) {
            return new EngineCall(method, Area.COCKPIT, segments.subList(3, segments.size()), cascade);
        }
        return new EngineCall(method, Area.OTHER_WEBAPP, segments, cascade);
    }

    boolean reads() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** Whether the path is the pattern, segment by segment; {@code *} stands for any one segment. */
    boolean is(String method, String pattern) {
        if (!this.method.equals(method)) {
            return false;
        }
        String[] parts = pattern.split("/");
        if (parts.length != path.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals("*") && !parts[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    String segment(int index) {
        return index < path.size() ? path.get(index) : null;
    }

    private static boolean starts(List<String> segments, String... prefix) {
        if (segments.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!segments.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }
}
