package org.lumbung.ui;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape DEVELOPERS.md asks of the application's code, read from its sources (bytecode does not say where a
 * method ends): no method or constructor longer than {@link #MAX_LINES} lines, annotations and signature included.
 */
class CodeShapeTest {

    static final int MAX_LINES = 70;

    /** The application's sources, from the ui module's directory (where Maven runs its tests). */
    private static final List<Path> SOURCES = List.of(Path.of("../backend/src/main/java"), Path.of("src/main/java"));

    @Test
    void noMethodOrConstructorIsLongerThanSeventyLines() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        List<Path> files = javaFiles();
        List<String> tooLong = new ArrayList<>();
        for (Path file : files) {
            CompilationUnit unit = StaticJavaParser.parse(file);
            for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
                int lines = callable.getEnd().orElseThrow().line - callable.getBegin().orElseThrow().line + 1;
                if (lines > MAX_LINES) {
                    tooLong.add(file + ":" + callable.getBegin().orElseThrow().line + " " + callable.getNameAsString()
                            + " (" + lines + " lines)");
                }
            }
        }
        // the walk must have seen the whole application, or an empty list would prove nothing
        assertThat(files).hasSizeGreaterThan(500);
        assertThat(tooLong).as("methods and constructors over %d lines", MAX_LINES).isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
