package cn.jiandu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Jiandu's clients as the bench plays them: HTTP/1.1 with keep-alive, HTTP Basic as the demo users, JSON. */
final class Client {

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": " + status + " " + body);
            }
            return this;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Client(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String user, String path, Object body) {
        return post(user, path, body, Map.of());
    }

    Answer post(String user, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        headers.forEach(request::header);
        return send(user, request);
    }

    Answer postMultipart(String user, String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "jianduBench" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(file, 0, body, start.length, file.length);
        System.arraycopy(end, 0, body, start.length + file.length, end.length);
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Completes a task as Tasklist does: POST /engine-rest/task/{id}/complete with typed variables. */
    Answer complete(String user, String taskId, Map<String, Object> variables) {
        StringBuilder json = new StringBuilder("{\"variables\":{");
        String separator = "";
        for (Map.Entry<String, Object> entry : variables.entrySet()) {
            json.append(separator).append(write(entry.getKey())).append(":{\"value\":").append(write(entry.getValue()))
                    .append("}");
            separator = ",";
        }
        json.append("}}");
        return post(user, "/engine-rest/task/" + taskId + "/complete", json.toString());
    }

    private Answer send(String user, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(120));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
