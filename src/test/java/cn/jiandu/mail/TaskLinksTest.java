package cn.jiandu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which base links get: the configured public URL first, the request's host for pages, localhost for mails last. */
class TaskLinksTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/notices/feed.atom");

    TaskLinksTest() {
        request.addHeader("Host", "10.0.0.5:18080");
    }

    @Test
    void aConfiguredPublicUrlWinsEverywhere() {
        TaskLinks links = new TaskLinks("https://jiwei.example.cn/", 8080);
        assertThat(links.publicUrl(request)).isEqualTo("https://jiwei.example.cn");
        assertThat(links.task("42")).as("through Jiandu's login, which comes back to the task")
                .isEqualTo("https://jiwei.example.cn/tasks/42");
        assertThat(links.approval("42")).isEqualTo("https://jiwei.example.cn/approvals/42");
    }

    @Test
    void withoutOnePagesUseTheRequestAndMailsThisMachinesPort() {
        TaskLinks links = new TaskLinks("", 9090);
        assertThat(links.publicUrl(request)).isEqualTo("http://10.0.0.5:18080");
        assertThat(links.publicUrl()).isEqualTo("http://localhost:9090");
        assertThat(new TaskLinks("", 0).publicUrl()).isEqualTo("http://localhost:8080");
    }
}
