package cn.jiandu.admin;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' page over /api/admin/migrations (Cockpit's migration view is an enterprise
 * feature): which versions have running cases, a dry run, the migration and its progress, and the
 * recent deployments with their export.
 */
@Controller
class AdminPage {

    record VersionRow(String key, String name, int version, String definitionId, long running, boolean latest) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final DeploymentLog log;

    AdminPage(RepositoryService repositoryService, RuntimeService runtimeService, DeploymentLog log) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.log = log;
    }

    @GetMapping("/admin/migrations")
    String migrations(Authentication authentication, Model model) {
        Administrators.require(authentication);
        model.addAttribute("versions", versions());
        model.addAttribute("deployments", log.recent(10));
        return "admin/migrations";
    }

    /** Every version that still has running instances, and the latest version of every process. */
    private List<VersionRow> versions() {
        List<VersionRow> rows = new ArrayList<>();
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
        String previousKey = null;
        for (ProcessDefinition definition : definitions) {
            boolean latest = !definition.getKey().equals(previousKey);
            previousKey = definition.getKey();
            long running = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
            if (latest || running > 0) {
                rows.add(new VersionRow(definition.getKey(), definition.getName(), definition.getVersion(),
                        definition.getId(), running, latest));
            }
        }
        return rows;
    }
}
