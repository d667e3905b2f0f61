package cn.jiandu.publicreport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.altcha.altcha.Altcha;

/** A citizen's browser without the page's script: fetches and solves the challenge, posts the form (tests, bench/). */
public final class Citizen {

    public record Page(int status, String body) {

        public String code() {
            Matcher found = Pattern.compile("[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}").matcher(body);
            if (!found.find()) {
                throw new AssertionError("no query code on the page:\n" + body);
            }
            return found.group();
        }

        /** The page's main part, where answers differ. */
        String main() {
            // Spring Security's per-request CSRF field (kept in no session here) differs between any two pages.
            return body.substring(body.indexOf("<main"), body.indexOf("</main>"))
                    .replaceAll("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]*\"/>", "");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public Citizen(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A solved challenge, as the page's script puts it in the hidden field altcha. */
    public String solvedChallenge() {
        try {
            JsonNode challenge = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/report/challenge")).GET()).body());
            Altcha.Solution solution = Altcha.solveChallenge(challenge.get("challenge").asText(),
                    challenge.get("salt").asText(), Altcha.Algorithm.SHA256, challenge.get("maxnumber").asLong(), 0);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("algorithm", challenge.get("algorithm").asText());
            payload.put("challenge", challenge.get("challenge").asText());
            payload.put("number", solution.number);
            payload.put("salt", challenge.get("salt").asText());
            payload.put("signature", challenge.get("signature").asText());
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> named(String title, String phone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("description", "晚上十点以后卡口没有人值守，外来车辆随意进出。");
        form.put("unit", "南湖社区居委会");
        form.put("street", "南湖街道");
        form.put("zone", "SOUTH");
        form.put("happenedAt", "12月3日晚上10点左右");
        form.put("identity", "NAMED");
        form.put("reporterName", "赵某某");
        form.put("reporterPhone", phone);
        form.put("reporterEmail", "zhao@example.cn");
        form.put("acknowledged", "true");
        return form;
    }

    /** Posts the form with a freshly solved challenge. */
    public Page report(Map<String, String> form, Map<String, byte[]> files) {
        Map<String, String> solved = new LinkedHashMap<>(form);
        solved.put("altcha", solvedChallenge());
        return post(solved, files);
    }

    /** Posts the form as given (with or without altcha), files as parts named evidence. */
    public Page post(Map<String, String> form, Map<String, byte[]> files) {
        String boundary = "----citizen" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        form.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((fileName, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/report"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Page status(String code) {
        return form("/report/status", Map.of("code", code));
    }

    Page add(String code, String text) {
        return form("/report/status/addition", Map.of("code", code, "text", text));
    }

    private Page form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small real JPEG, as a phone's camera would send (smaller). */
    public static byte[] photo() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(8, 8, 20, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Linux program: what an attacker renames to .jpg. */
    static byte[] program() {
        byte[] elf = new byte[256];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        return elf;
    }
}
