package cn.jiandu.mail;

import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The link a mail gives for a task (/tasks/{id}): it needs the one sign-in (Jiandu's login page comes
 * back here), then opens the task in Tasklist, which shows it to those who may work it.
 */
@Controller
class TaskLinkPage {

    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @GetMapping("/tasks/{taskId}")
    String open(@PathVariable String taskId) {
        return "redirect:" + (TASK_ID.matcher(taskId).matches() ? TaskLinks.taskPath(taskId)
                : "/camunda/app/tasklist/default/");
    }
}
