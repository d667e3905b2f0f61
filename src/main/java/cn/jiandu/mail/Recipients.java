package cn.jiandu.mail;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Mail addresses: people from the Camunda identity service, distribution lists from configuration. */
@Component
public class Recipients {

    private final IdentityService identityService;
    private final List<String> noticeDistribution;
    private final List<String> districtLeaders;

    Recipients(IdentityService identityService,
            @Value("${jiandu.mail.notice-distribution:}") String noticeDistribution,
            @Value("${jiandu.mail.district-leaders:}") String districtLeaders) {
        this.identityService = identityService;
        this.noticeDistribution = split(noticeDistribution);
        this.districtLeaders = split(districtLeaders);
    }

    public Set<String> ofUser(String userId) {
        if (userId == null) {
            return Set.of();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Set.of() : Set.of(user.getEmail());
    }

    public Set<String> ofGroups(Collection<String> groupIds) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String group : groupIds) {
            identityService.createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getEmail).filter(Objects::nonNull).filter(mail -> !mail.isBlank())
                    .forEach(addresses::add);
        }
        return addresses;
    }

    /** The members of a task's candidate groups; read from the task itself, so it works before the task is stored. */
    public Set<String> ofCandidateGroups(DelegateTask task) {
        return ofGroups(task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList());
    }

    public List<String> noticeDistribution() {
        return noticeDistribution;
    }

    public List<String> districtLeaders() {
        return districtLeaders;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
