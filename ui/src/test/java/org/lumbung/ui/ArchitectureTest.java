package org.lumbung.ui;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.datepicker.DatePicker;
import org.jspecify.annotations.NullMarked;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of DEVELOPERS.md, over the whole application (backend and ui). */
@AnalyzeClasses(packages = "org.lumbung",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** The backend's test jar (shared test support, benchmark) is not application code. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }


    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.lumbung.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiFeaturePackagesHaveNoCycles = slices().matching("org.lumbung.ui.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainNeverDependsOnUi = noClasses().that().resideOutsideOfPackage("org.lumbung.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.lumbung.ui..");

    @ArchTest
    static final ArchRule uiCallsServicesNeverTheDatabase = noClasses().that().resideInAPackage("org.lumbung.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.lumbung.db..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule noVaadinOutsideUi = noClasses().that().resideOutsideOfPackage("org.lumbung.ui..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

    @ArchTest
    static final ArchRule moneyIsNeverFloatingPoint = noFields().should().haveRawType(double.class)
            .orShould().haveRawType(float.class).orShould().haveRawType(Double.class).orShould().haveRawType(Float.class);

    @ArchTest
    static final ArchRule noFloatingPointResults = noMethods().should().haveRawReturnType(double.class)
            .orShould().haveRawReturnType(float.class);

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses().that().resideInAPackage("org.lumbung.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.lumbung.cooperative..", "org.lumbung.members..",
                    "org.lumbung.ledger..", "org.lumbung.security..", "org.lumbung.reports..", "org.lumbung.sampledata..");

    /** Vaadin's date picker names months in English whatever the locale; screens use DateField, which does not. */
    @ArchTest
    static final ArchRule datesArePickedInTheReadersLanguage = noClasses().that().resideInAPackage("org.lumbung.ui..")
            .and().doNotHaveFullyQualifiedName("org.lumbung.ui.components.DateField")
            .should().callConstructor(DatePicker.class).orShould().callConstructor(DatePicker.class, String.class)
            .orShould().callConstructor(DatePicker.class, String.class, java.time.LocalDate.class);

    /**
     * Every package of the application says, in its package-info, that its types are not null unless marked
     * {@code @Nullable}. The jOOQ classes generated from the schema are not written by hand and are left out.
     */
    @ArchTest
    static void everyPackageIsNullMarked(JavaClasses classes) {
        List<String> unmarked = classes.stream().map(JavaClass::getPackage).distinct()
                .filter(p -> !p.getName().startsWith("org.lumbung.db"))
                .filter(p -> !p.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName).sorted().toList();
        assertThat(classes.getPackage("org.lumbung.ledger").isAnnotatedWith(NullMarked.class)).isTrue();
        assertThat(unmarked).as("packages without @NullMarked in their package-info").isEmpty();
    }
}
