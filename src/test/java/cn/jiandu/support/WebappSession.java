package cn.jiandu.support;

import cn.jiandu.support.Http.Answer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A person logged in to the Camunda webapps, as Tasklist and Cockpit call their APIs: the session
 * cookie and the webapps' CSRF token on every request.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private String csrfToken;
    private final HttpClient client;
    private final String base;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in like the Tasklist login page (password demo). */
    public static WebappSession login(int port, String user) {
        WebappSession session = new WebappSession(port);
        session.send("GET", "/camunda/app/tasklist/default/", null, null);
        Answer login = session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=demo");
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + login.status() + " " + login.body());
        }
        session.get("/camunda/api/engine/engine/default/user/" + user + "/profile");
        return session;
    }

    /** Logs out as Tasklist's menu does: the webapps remove the login from the session. */
    public void logout() {
        Answer logout = send("POST", "/camunda/api/admin/auth/user/default/logout", null, null);
        if (logout.status() != 200) {
            throw new IllegalStateException("logout failed: " + logout.status() + " " + logout.body());
        }
    }

    /**
     * A request with this browser's cookies and only the headers given: no CSRF token unless the
     * caller adds one, as a form another site posts would arrive. Redirects are not followed.
     */
    public HttpResponse<String> exchange(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return Http.exchange(client, request.build());
    }

    /** A request with this browser's cookies and a body of bytes (a multipart upload), as a page's fetch sends it. */
    public HttpResponse<String> exchangeBytes(String method, String path, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return Http.exchange(client, request.build());
    }

    /** The webapps' own CSRF token (X-XSRF-TOKEN of the /camunda APIs). */
    public String webappCsrfToken() {
        return csrfToken;
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer send(String method, String path, String json) {
        return send(method, path, "application/json", json);
    }

    private Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json");
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        HttpResponse<String> response = Http.exchange(client, request.build());
        // The webapps hand out a new token with the session a login starts.
        csrfToken = response.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore()
                .getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
                .reduce((first, last) -> last).map(java.net.HttpCookie::getValue).orElse(csrfToken));
        return Http.answer(response);
    }

}
