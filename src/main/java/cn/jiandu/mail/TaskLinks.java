package cn.jiandu.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links that open a task in Tasklist, for mails. */
@Component
public class TaskLinks {

    private final String publicUrl;

    TaskLinks(@Value("${jiandu.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String task(String taskId) {
        return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    public String publicUrl() {
        return publicUrl;
    }
}
