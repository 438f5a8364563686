package org.lumbung.ui;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape DEVELOPERS.md asks of the application's code, read from its sources (bytecode does not say where a
 * method ends): no method or constructor longer than {@link #MAX_LINES} lines, annotations and signature included;
 * types named by their simple names, with an import, unless the file already uses that simple name for another type.
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

    @Test
    void typesAreImportedNotSpelledOutInTheCode() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        List<String> spelledOut = new ArrayList<>();
        for (Path file : javaFiles()) {
            CompilationUnit unit = StaticJavaParser.parse(file);
            Set<String> taken = takenSimpleNames(file, unit);
            List<String> qualified = new ArrayList<>();
            unit.findAll(ClassOrInterfaceType.class).forEach(t -> qualified.add(t.getNameWithScope()));
            unit.findAll(AnnotationExpr.class).forEach(a -> qualified.add(a.getNameAsString()));
            unit.findAll(FieldAccessExpr.class, f -> !(f.getParentNode().orElse(null) instanceof FieldAccessExpr))
                    .forEach(f -> qualified.add(f.toString()));
            for (String name : qualified) {
                packageQualifiedType(name).filter(type -> !taken.contains(simpleName(type)))
                        .ifPresent(type -> spelledOut.add(file + ": " + type));
            }
        }
        assertThat(spelledOut).as("types spelled out with their package instead of imported").isEmpty();
    }

    /**
     * The simple names a file imports, declares or shares with its package: another type of one of those names must
     * be spelled out.
     */
    private static Set<String> takenSimpleNames(Path file, CompilationUnit unit) throws IOException {
        Set<String> taken = unit.getImports().stream().filter(i -> !i.isStatic() && !i.isAsterisk())
                .map(i -> i.getName().getIdentifier()).collect(Collectors.toSet());
        unit.findAll(TypeDeclaration.class).forEach(t -> taken.add(t.getNameAsString()));
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            siblings.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .forEach(n -> taken.add(n.substring(0, n.length() - ".java".length())));
        }
        return taken;
    }

    /** {@code java.util.List} of {@code java.util.List.of}: a name up to its first capitalised segment, when it starts with a package. */
    private static Optional<String> packageQualifiedType(String name) {
        String[] parts = name.split("\\.");
        if (parts.length < 2 || !Set.of("java", "javax", "jakarta", "org", "com").contains(parts[0])) {
            return Optional.empty();
        }
        for (int i = 1; i < parts.length; i++) {
            if (Character.isUpperCase(parts[i].charAt(0))) {
                return Optional.of(String.join(".", List.of(parts).subList(0, i + 1)));
            }
        }
        return Optional.empty();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
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
