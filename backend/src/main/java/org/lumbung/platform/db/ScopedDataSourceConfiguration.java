package org.lumbung.platform.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Wraps the application's DataSource (not the one Liquibase migrates with) in a {@link ScopedDataSource}. */
@Configuration(proxyBeanMethods = false)
public class ScopedDataSourceConfiguration {

    @Bean
    static BeanPostProcessor cooperativeScopedDataSource(ObjectProvider<CooperativeScope> scope,
                                                         ConfigurableListableBeanFactory beans) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource dataSource) || bean instanceof ScopedDataSource
                        || beans.containsBeanDefinition(name) && beans.findAnnotationOnBean(name, LiquibaseDataSource.class) != null) {
                    return bean;
                }
                return new ScopedDataSource(dataSource, () -> {
                    String system = CooperativeScope.system();
                    if (system != null) {
                        return system;
                    }
                    CooperativeScope current = scope.getIfAvailable();
                    return current == null ? CooperativeScope.NONE : current.current();
                }, () -> {
                    CooperativeScope current = scope.getIfAvailable();
                    return CooperativeScope.system() != null || current == null ? "" : current.actor();
                }, () -> {
                    CooperativeScope current = scope.getIfAvailable();
                    return CooperativeScope.system() == null && current != null && current.readOnly();
                });
            }
        };
    }
}
