package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Tasklist opens the filter of lowest priority: an officer's work arrives in the group's 本组待办, so
 * that comes first and 我的任务 (empty until one claims a task) last — on a new installation and on
 * one set up by an earlier version. Same context as AccessControlTest, so no extra start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:access-control;DB_CLOSE_DELAY=-1"})
class TasklistFiltersTest {

    @Autowired
    FilterService filterService;
    @Autowired
    IdentitySetup identitySetup;

    @Test
    void everyGroupsListComesBeforeMyTasks() {
        int myTasks = priority(myTasksFilter());
        for (String group : Groups.NAMES.keySet()) {
            Filter groupList = filterService.createFilterQuery().filterName("本组待办").list().stream()
                    .filter(filter -> group.equals(filter.getProperties().get("jianduGroup"))).findFirst().orElseThrow();
            assertThat(priority(groupList)).as(group).isLessThan(myTasks);
        }
    }

    @Test
    void myTasksPutFirstByAnEarlierVersionMovesLastAtStart() {
        Filter myTasks = myTasksFilter();
        Map<String, Object> earlier = new HashMap<>(myTasks.getProperties());
        earlier.put("priority", -10);
        myTasks.setProperties(earlier);
        filterService.saveFilter(myTasks);

        identitySetup.setUp();

        assertThat(priority(myTasksFilter())).isEqualTo(20);
        assertThat(filterService.createFilterQuery().filterName("我的任务").count()).isEqualTo(1);
    }

    private Filter myTasksFilter() {
        return filterService.createFilterQuery().filterName("我的任务").singleResult();
    }

    private static int priority(Filter filter) {
        return ((Number) filter.getProperties().get("priority")).intValue();
    }
}
