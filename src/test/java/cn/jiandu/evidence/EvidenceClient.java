package cn.jiandu.evidence;

import cn.jiandu.support.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A program filing evidence as an officer's tool would: multipart with HTTP Basic, downloads as bytes. */
final class EvidenceClient {

    /** One file part: the name the uploader's computer gives it and the type it declares (null: none). */
    record FilePart(String fileName, String contentType, byte[] bytes) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    EvidenceClient(int port) {
        this.base = "http://localhost:" + port;
    }

    static byte[] multipart(String boundary, FilePart file, Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.fileName() + "\"\r\n" + (file.contentType() == null ? "" : "Content-Type: " + file.contentType()
                    + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    Http.Answer upload(String user, String caseNumber, FilePart file, Map<String, String> fields) {
        String boundary = "----jiandu-evidence" + System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/cases/" + caseNumber + "/evidence"))
                .header("Authorization", basic(user)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file, fields))).build();
        HttpResponse<byte[]> response = send(request);
        return new Http.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    Http.Answer upload(String user, String caseNumber, FilePart file, String... fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return upload(user, caseNumber, file, map);
    }

    HttpResponse<byte[]> download(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user)).GET().build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
