package cn.jiandu.admin;

import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The record of deployments, and any deployment's models as a zip laid out like the repository
 * (processes/, forms/), so that a change made in Modeler can be brought back into the source.
 */
@RestController
@RequestMapping("/api/admin/deployments")
class DeploymentController {

    private static final String DEPLOYMENT_ID = "部署编号不能超过 64 个字符";

    private final DeploymentLog log;
    private final RepositoryService repositoryService;

    DeploymentController(DeploymentLog log, RepositoryService repositoryService) {
        this.log = log;
        this.repositoryService = repositoryService;
    }

    @GetMapping
    List<DeploymentLog.Entry> recent(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
        Administrators.require(authentication);
        return log.recent(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/{deploymentId}")
    DeploymentLog.Entry one(@PathVariable @Size(max = 64, message = DEPLOYMENT_ID) String deploymentId,
            Authentication authentication) {
        Administrators.require(authentication);
        return log.find(deploymentId).orElseThrow(() -> notFound(deploymentId));
    }

    @GetMapping("/{deploymentId}/export")
    ResponseEntity<byte[]> export(@PathVariable @Size(max = 64, message = DEPLOYMENT_ID) String deploymentId,
            Authentication authentication) {
        Administrators.require(authentication);
        if (repositoryService.createDeploymentQuery().deploymentId(deploymentId).count() == 0) {
            throw notFound(deploymentId);
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            Set<String> written = new HashSet<>();
            for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
                String file = DeploymentLog.modelFile(resource.getName());
                if (!written.add(file)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(file));
                try (InputStream content = repositoryService.getResourceAsStreamById(deploymentId, resource.getId())) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jiandu-models-" + deploymentId + ".zip").build().toString())
                .body(zip.toByteArray());
    }

    private static ResponseStatusException notFound(String deploymentId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + deploymentId + " 的部署记录");
    }
}
