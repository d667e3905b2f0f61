package cn.jiandu.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords lock a user for a while, never for good. The engine's identity provider locks a
 * user after login-max-attempts failures in a row until an administrator unlocks it, so anyone who
 * knows a user name could shut an officer out with ten requests; this puts in its place one whose
 * lock ends by itself after jiandu.login.lock-duration.
 */
@Component
class BoundedLoginLock extends AbstractProcessEnginePlugin {

    private final LoginLockProperties properties;

    BoundedLoginLock(LoginLockProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                // The engine registers the factory as the writable provider too because of this type.
                return BoundedLockIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new BoundedLockIdentityProvider(properties.lockDuration());
            }
        });
    }
}
