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

/**
 * The demo users (docs/route.md), password "demo". Only with the demo profile, never in production.
 * Chinese names are written family name first without a space, but the webapps always show
 * firstName + " " + lastName: the whole name goes into firstName and lastName stays empty ("").
 * Runs at every start and corrects the names of demo users created by earlier versions.
 */
@Component
@ConditionalOnProperty(name = "jiandu.demo-users", havingValue = "true")
class DemoUsers {

    static final String PASSWORD = "demo";

    private record DemoUser(String id, String name, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("intake1", "王晓明", Groups.CASE_MANAGEMENT),
            new DemoUser("north1", "李建国", Groups.TEAM_NORTH),
            new DemoUser("south1", "张丽华", Groups.TEAM_SOUTH),
            new DemoUser("stationed1", "赵志强", Groups.STATIONED),
            new DemoUser("review1", "陈静", Groups.CASE_REVIEW),
            new DemoUser("leader1", "刘卫东", Groups.LEADERS),
            new DemoUser("office1", "周敏", Groups.OFFICE),
            new DemoUser("publicity1", "孙悦", Groups.PUBLICITY));

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
            User user = identityService.createUserQuery().userId(demo.id()).singleResult();
            if (user == null) {
                user = identityService.newUser(demo.id());
                user.setFirstName(demo.name());
                user.setLastName("");
                user.setEmail(demo.id() + "@jiandu.local");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
            } else {
                rename(user, demo.name());
            }
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identityService.createMembership(demo.id(), demo.group());
            }
        }
    }

    private void rename(User user, String name) {
        if (!name.equals(user.getFirstName()) || !"".equals(user.getLastName())) {
            user.setFirstName(name);
            // "" rather than null: the webapps would show "王晓明 null"
            user.setLastName("");
            identityService.saveUser(user);
        }
    }
}
