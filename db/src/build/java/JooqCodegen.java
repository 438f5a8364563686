import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes from the Liquibase changelogs against a real PostgreSQL that this
 * program starts itself (embedded, clean data directory under target/). The H2-simulating Liquibase
 * extension of jOOQ is deliberately not used: it gets PostgreSQL types and CHECK constraints wrong.
 *
 * <p>Arguments: resources directory, changelog path inside it, output directory, scratch data directory.
 * A SHA-256 stamp of the changelog folder lets an unchanged schema skip PostgreSQL entirely.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args[0]);
        String changelog = args[1];
        Path output = Path.of(args[2]);
        Path dataDir = Path.of(args[3]);
        Path stamp = output.resolve(".changelog.sha256");

        String fingerprint = fingerprint(resources.resolve(changelog).getParent());
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("[jooq-codegen] changelog unchanged, generated sources are up to date");
            return;
        }
        long start = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Connection connection = pg.getPostgresDatabase().getConnection()) {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase(changelog, new DirectoryResourceAccessor(resources), database)) {
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            }
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                            .withUser("postgres").withPassword("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new org.jooq.meta.jaxb.Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("databasechangelog|databasechangeloglock"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName("org.lumbung.db.jooq")
                                    .withDirectory(output.toString()))));
        }
        Files.writeString(stamp, fingerprint);
        System.out.printf("[jooq-codegen] generated from %s in %d ms%n", changelog,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** SHA-256 over every file's relative path and bytes, in a stable order. */
    private static String fingerprint(Path folder) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
