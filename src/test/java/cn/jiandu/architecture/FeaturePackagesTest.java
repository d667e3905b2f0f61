package cn.jiandu.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Jiandu is packaged by feature (cases, deadlines, notices, ...). A feature may use another, but
 * no two features may need each other: each can be read, changed and tested from its own package
 * and the ones below it.
 */
@AnalyzeClasses(packages = "cn.jiandu", importOptions = ImportOption.DoNotIncludeTests.class)
class FeaturePackagesTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("cn.jiandu.(*)..").should().beFreeOfCycles();
}
