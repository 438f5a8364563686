package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API over the real security chain and a real PostgreSQL with the sample cooperative, through MockMvc (no
 * port): requests as a named demo user. The MockMvc API tests share this one context.
 */
@SpringBootTest(classes = LumbungApplication.class)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
abstract class MockMvcApiTestBase {

    @Autowired
    SecurityContextHolderStrategy securityContextHolderStrategy;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    /** This context's security-context strategy, made the JVM-wide one again before each test (see KaribuTest). */
    @BeforeEach
    void useThisContextsSecurityHolder() {
        SecurityContextHolder.setContextHolderStrategy(securityContextHolderStrategy);
    }

    /** The request sent as a demo user (password "demo") over HTTP basic. */
    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }

    /** The answer is a problem document of this status and stable code. */
    static ResultActions refused(ResultActions r, int status, String code) throws Exception {
        return r.andExpect(status().is(status)).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
    }
}
