package cn.jiandu.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** The demo users (docs/route.md), password "demo". Only with the demo profile, never in production. */
@Component
@ConditionalOnProperty(name = "jiandu.demo-users", havingValue = "true")
class DemoUsers {

    static final String PASSWORD = "demo";

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("intake1", "晓", "受理", Groups.CASE_MANAGEMENT),
            new DemoUser("north1", "北", "检查员", Groups.TEAM_NORTH),
            new DemoUser("south1", "南", "检查员", Groups.TEAM_SOUTH),
            new DemoUser("stationed1", "驻", "监察员", Groups.STATIONED),
            new DemoUser("review1", "审", "理员", Groups.CASE_REVIEW),
            new DemoUser("leader1", "委", "领导", Groups.LEADERS),
            new DemoUser("office1", "办", "公室", Groups.OFFICE),
            new DemoUser("publicity1", "宣", "传员", Groups.PUBLICITY));

    private final IdentityService identityService;
    private final Environment environment;

    DemoUsers(IdentityService identityService, Environment environment) {
        this.identityService = identityService;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void createDemoUsers() {
        if (environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException("演示用户不得在生产环境（postgres 配置）中创建：请勿同时启用 demo 与 postgres 配置");
        }
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@jiandu.local");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identityService.createMembership(demo.id(), demo.group());
            }
        }
    }
}
