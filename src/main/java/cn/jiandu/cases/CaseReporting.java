package cn.jiandu.cases;

import cn.jiandu.identity.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports a problem: starts supervisionCase as the reporting user, whose registerCase step
 * stores the record in the same transaction. The reporter's identity travels as transient
 * variables, so it reaches the protected record but never the engine's history.
 */
@Service
class CaseReporting {

    record Reported(CaseRecord record, boolean replayed) {
    }

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final CaseRepository cases;
    private final ObjectMapper canonicalJson;

    CaseReporting(RuntimeService runtimeService, IdentityService identityService, CaseRepository cases,
            ObjectMapper objectMapper) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.cases = cases;
        this.canonicalJson = objectMapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Transactional
    public Reported report(ReportCaseRequest request, CurrentUser user, String idempotencyKey) {
        String hash = hash(request);
        Optional<Reported> replay = replay(user, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        boolean anonymous = request.isAnonymous();
        VariableMap variables = Variables.createVariables()
                .putValue("title", request.title().trim())
                .putValue("description", request.description().trim())
                .putValue("source", request.source())
                .putValue("unit", request.unit().trim())
                .putValue("personsInvolved", request.personsInvolved())
                .putValue("anonymous", anonymous)
                .putValue("problemType", request.problemType())
                .putValue("zone", request.zone())
                .putValueTyped("reporterName", Variables.stringValue(anonymous ? null : request.reporterName(), true))
                .putValueTyped("reporterPhone", Variables.stringValue(anonymous ? null : request.reporterPhone(), true))
                .putValueTyped("reporterEmail", Variables.stringValue(anonymous ? null : request.reporterEmail(), true))
                .putValueTyped("idempotencyKey", Variables.stringValue(idempotencyKey, true))
                .putValueTyped("requestHash", Variables.stringValue(idempotencyKey == null ? null : hash, true));
        String processInstanceId;
        identityService.setAuthentication(user.id(), user.groups());
        try {
            processInstanceId = runtimeService.startProcessInstanceByKey(SupervisionCaseProcess.PROCESS_KEY, variables)
                    .getProcessInstanceId();
        } finally {
            identityService.clearAuthentication();
        }
        String caseNumber = (String) runtimeService.getVariable(processInstanceId, "caseNumber");
        return new Reported(cases.findByNumber(caseNumber).orElseThrow(), false);
    }

    /**
     * The earlier answer for this key, if this caller already had the same report accepted. Keys belong to
     * their caller: two people who happen to choose the same key report independently, and neither learns
     * anything of the other's case.
     */
    @Transactional(readOnly = true)
    public Optional<Reported> replay(CurrentUser user, String idempotencyKey, String hash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return cases.findByIdempotencyKey(user.id(), idempotencyKey).map(existing -> {
            if (!hash.equals(existing.requestHash())) {
                throw new IdempotencyConflictException(idempotencyKey, existing.caseNumber());
            }
            return new Reported(existing, true);
        });
    }

    String hash(ReportCaseRequest request) {
        try {
            byte[] json = canonicalJson.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash report", e);
        }
    }
}
