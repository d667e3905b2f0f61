package cn.jiandu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Puts Jiandu's subclass of one of the engine's managers in place of the engine's own, for every command. */
final class EngineManagers {

    private EngineManagers() {
    }

    static void replace(ProcessEngineConfigurationImpl configuration, Class<?> manager, Supplier<Session> replacement) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return manager;
            }

            @Override
            public Session openSession() {
                return replacement.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
