package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Names as the webapps show them (firstName + " " + lastName): a Chinese name, family name first,
 * without a space. Same context as AccessControlTest, so no extra start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:access-control;DB_CLOSE_DELAY=-1"})
class DemoUserNamesTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    DemoUsers demoUsers;

    @Test
    void everyDemoUserHasAChineseNameWithoutASpace() {
        assertThat(shown("intake1")).isEqualTo("王晓明");
        assertThat(shown("admin")).isEqualTo("系统管理员");
        for (User user : identityService.createUserQuery().list()) {
            assertThat(shown(user.getId())).as(user.getId()).matches("\\p{IsHan}{2,5}");
        }
    }

    @Test
    void theAdministratorsGroupHasAChineseName() {
        assertThat(identityService.createGroupQuery().groupId(Groups.ADMIN).singleResult().getName())
                .isEqualTo("系统管理员");
    }

    @Test
    void aDemoUserNamedByAnEarlierVersionIsRenamedAtStart() {
        User intake = identityService.createUserQuery().userId("intake1").singleResult();
        intake.setFirstName("晓");
        intake.setLastName("受理");
        identityService.saveUser(intake);

        demoUsers.createDemoUsers();

        assertThat(shown("intake1")).isEqualTo("王晓明");
        assertThat(identityService.checkPassword("intake1", DemoUsers.PASSWORD)).isTrue();
    }

    /** What Tasklist's header and Welcome's profile show; the trailing space of an empty last name is not seen. */
    private String shown(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return (user.getFirstName() + " " + user.getLastName()).strip();
    }
}
