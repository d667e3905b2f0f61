package cn.jiandu.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A small HTTP client for tests and the bench that talk to Jiandu as its users do: HTTP/1.1 with
 * keep-alive, HTTP Basic, JSON. A request without an answer (connection refused or reset, timeout)
 * is an {@link UncheckedIOException}.
 */
public final class Http {

    public record Answer(int status, String contentType, String body) {

        /** This answer if its status is the one expected, else an exception naming what was asked. */
        public Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": " + status + " " + body);
            }
            return this;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer post(String user, String path, Object body) {
        return post(user, path, body, Map.of());
    }

    public Answer post(String user, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        headers.forEach(request::header);
        return send(user, request);
    }

    /** Any method, with a JSON body (or none for null): PUT and DELETE as clients send them. */
    public Answer send(String user, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        return send(user, request);
    }

    public Answer postRaw(String user, String path, String contentType, byte[] body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * POST with one header whose value goes out as the bytes given, as curl sends "键-1" (UTF-8) or a
     * control character. The JDK's clients turn such values into "?" or refuse them, so this writes the
     * request on a socket itself (HTTP/1.1, one request per connection).
     */
    public Answer postWithRawHeader(String user, String path, Object json, String header, byte[] value) {
        URI uri = URI.create(base + path);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        byte[] body = (json instanceof String s ? s : write(json)).getBytes(StandardCharsets.UTF_8);
        request.writeBytes(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + (user == null ? "" : "\r\nAuthorization: " + basic(user)) + "\r\n" + header + ": ")
                .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(value);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(120_000);
            socket.getOutputStream().write(request.toByteArray());
            return RawAnswer.read(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart form as Camunda Modeler sends a deployment: the fields in their order, then one part per file. */
    public Answer postMultipart(String user, String path, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "----jiandu" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postRaw(user, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /**
     * A value Tasklist submits as a variable of type Json: a form's dynamic list (rows of objects), sent as
     * its JSON text. Put it among the variables of {@link #complete}.
     */
    public record JsonValue(Object value) {
    }

    public static JsonValue json(Object value) {
        return new JsonValue(value);
    }

    /** Completes a task as Tasklist does: POST /engine-rest/task/{id}/complete with typed variables. */
    public Answer complete(String user, String taskId, Map<String, Object> variables) {
        StringBuilder json = new StringBuilder("{\"variables\":{");
        String separator = "";
        for (Map.Entry<String, Object> entry : variables.entrySet()) {
            json.append(separator).append(write(entry.getKey())).append(":").append(variable(entry.getValue()));
            separator = ",";
        }
        json.append("}}");
        return post(user, "/engine-rest/task/" + taskId + "/complete", json.toString());
    }

    private static String variable(Object value) {
        if (value instanceof JsonValue typed) {
            return "{\"value\":" + write(write(typed.value())) + ",\"type\":\"Json\"}";
        }
        return "{\"value\":" + write(value) + "}";
    }

    private Answer send(String user, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(120));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return answer(exchange(client, request.build()));
    }

    static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** Sends a request and reads the answer as UTF-8 text; a failed exchange is a test failure. */
    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "north1" logs in with the demo password; "name:password" with the password given. */
    private static String basic(String user) {
        String credentials = user.contains(":") ? user : user + ":demo";
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
