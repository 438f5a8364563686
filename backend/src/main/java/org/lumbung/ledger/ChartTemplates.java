package org.lumbung.ledger;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The charts a cooperative can be founded with, from the class path: {@code ledger/chart-templates/<template>/accounts.csv}
 * (code;parent;type;header;constraint;name_en;name_id) and, per feature, the codes of its account roles in
 * {@code ledger/chart-templates/<template>/roles/<feature>.properties}. Read once at start and checked:
 * a role is given once per template, and its code is an account of that template.
 */
@Component
public class ChartTemplates {

    private static final String ROOT = "ledger/chart-templates/";
    private static final Pattern PATH = Pattern.compile(".*/" + ROOT + "([^/]+)/(accounts\\.csv|roles/([^/]+)\\.properties)$");

    private final Map<String, List<String[]>> accounts = new TreeMap<>();
    private final Map<String, Map<String, String>> roles = new TreeMap<>();

    public ChartTemplates() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(ChartTemplates.class.getClassLoader())
                    .getResources("classpath*:" + ROOT + "*/**");
            for (Resource resource : found) {
                Matcher m = PATH.matcher(resource.getURL().toString());
                if (m.matches()) {
                    read(m.group(1), m.group(3), resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        roles.forEach(this::requireAccountsOfTheTemplate);
    }

    private void read(String template, String feature, Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            if (feature == null) {
                accounts.put(template, rows(in));
                return;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> codes = roles.computeIfAbsent(template, t -> new HashMap<>());
            for (String role : p.stringPropertyNames()) {
                if (codes.putIfAbsent(role, p.getProperty(role).strip()) != null) {
                    throw new IllegalStateException("the account role " + role + " of chart template " + template
                            + " is given twice (again in roles/" + feature + ".properties)");
                }
            }
        }
    }

    private void requireAccountsOfTheTemplate(String template, Map<String, String> codes) {
        Set<String> known = accounts(template).stream().map(row -> row[0]).collect(Collectors.toSet());
        codes.forEach((role, code) -> {
            if (!known.contains(code)) {
                throw new IllegalStateException("the account role " + role + " of chart template " + template
                        + " names " + code + ", which is not in its accounts.csv");
            }
        });
    }

    private static List<String[]> rows(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String[]> rows = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split(";", -1));
            }
        }
        return rows;
    }

    /** The template's accounts in file order (parents before children). */
    public List<String[]> accounts(String template) {
        List<String[]> rows = accounts.get(template);
        if (rows == null) {
            throw new IllegalArgumentException("no chart template " + template);
        }
        return rows;
    }

    /** The code of the account that plays the role in charts of this template. */
    public String code(String template, AccountRole role) {
        String code = roles.getOrDefault(template, Map.of()).get(role.name());
        if (code == null) {
            throw new IllegalStateException("the chart template " + template + " gives no account for the role " + role.name());
        }
        return code;
    }

    public Set<String> templates() {
        return accounts.keySet();
    }
}
