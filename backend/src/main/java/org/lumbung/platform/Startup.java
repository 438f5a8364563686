package org.lumbung.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the installation is still starting: the web server answers before the sample cooperative is
 * loaded (8–18 s on a small laptop), and until then nobody should sign in or create the first
 * administrator of what looks like an empty installation. Without sample data it is ready at once.
 */
@Component
public class Startup {

    private volatile boolean starting;

    public Startup(@Value("${lumbung.sample-data.enabled:false}") boolean sampleData) {
        this.starting = sampleData;
    }

    public boolean starting() {
        return starting;
    }

    /** The sample loader begins (or a test puts the installation back into its first start). */
    public void loading() {
        starting = true;
    }

    /** The sample is loaded, or there was nothing to load. */
    public void ready() {
        starting = false;
    }
}
