using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Maven;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Maven;

public sealed class GradleLockfileParserTests
{
    private static readonly GradleLockfileParser Parser = new();

    [Theory]
    [InlineData("/repo/gradle.lockfile", true)]
    [InlineData("/repo/buildscript-gradle.lockfile", true)]
    [InlineData("/repo/gradle/dependency-locks/compileClasspath.lockfile", true)]
    [InlineData("/repo/other/compileClasspath.lockfile", false)]
    [InlineData("/repo/build.gradle", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_DdJavacPluginLockfile_ScopesFromConfigurations()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Parsers", "Maven", "testdata", "dd-javac-plugin", "gradle.lockfile");
        await using var stream = File.OpenRead(path);
        var result = await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Null(inventory.Product);
        Assert.Equal(
            [
                ("commons-io:commons-io", "2.14.0", DependencyScope.Test),
                ("io.github.toolfactory:jvm-driver", "9.8.0", DependencyScope.Runtime),
                ("org.apiguardian:apiguardian-api", "1.1.2", DependencyScope.Test),
                ("org.burningwave:core", "12.66.2", DependencyScope.Runtime),
                ("org.burningwave:jvm-driver", "8.19.1", DependencyScope.Runtime),
                ("org.junit.jupiter:junit-jupiter-api", "5.9.2", DependencyScope.Test),
                ("org.junit.jupiter:junit-jupiter-engine", "5.9.2", DependencyScope.Test),
                ("org.junit.jupiter:junit-jupiter-params", "5.9.2", DependencyScope.Test),
                ("org.junit.platform:junit-platform-commons", "1.9.2", DependencyScope.Test),
                ("org.junit.platform:junit-platform-engine", "1.9.2", DependencyScope.Test),
                ("org.opentest4j:opentest4j", "1.2.0", DependencyScope.Test),
            ],
            inventory.Components.Select(c => (c.Name, c.Version!, c.Scope)));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyRelation.Unspecified, c.Relation));
        Assert.Equal("pkg:maven/commons-io/commons-io@2.14.0", inventory.Components[0].BomRef);
        Assert.Equal(new PackageKey("Maven", "commons-io:commons-io"), inventory.Components[0].PackageKey);
        Assert.Equal("line 4", inventory.Components[0].Location.Pointer);
    }

    public static TheoryData<string, string, string[], DependencyScope[]> Cases => new()
    {
        {
            "/r/gradle.lockfile",
            "a:b:1=annotationProcessor\r\nc:d:2=releaseRuntimeClasspath,testRuntimeClasspath\r\ne:f:3=\r\nempty=\r\n",
            ["a:b", "c:d", "e:f"],
            [DependencyScope.Development, DependencyScope.Runtime, DependencyScope.Unspecified]
        },
        {
            "/r/gradle/dependency-locks/testRuntimeClasspath.lockfile",
            "# legacy\nx:y:1.0\n",
            ["x:y"],
            [DependencyScope.Test]
        },
        {
            "/r/buildscript-gradle.lockfile",
            "com.diffplug.spotless:spotless-plugin-gradle:6.25.0=classpath\n",
            ["com.diffplug.spotless:spotless-plugin-gradle"],
            [DependencyScope.Development]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Parse_Variants_ReadNamesAndScopes(string path, string text, string[] names, DependencyScope[] scopes)
    {
        var result = await ParseText(path, text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(names, result.Inventory!.Components.Select(c => c.Name));
        Assert.Equal(scopes, result.Inventory.Components.Select(c => c.Scope));
    }

    [Fact]
    public async Task Parse_BadLines_WarnAndKeepTheRest()
    {
        var result = await ParseText("/r/gradle.lockfile", "a:b:1=runtimeClasspath\nnot-coordinates=runtimeClasspath\ng::1=compileClasspath\n");

        Assert.Equal(["a:b"], result.Inventory!.Components.Select(c => c.Name));
        Assert.Equal(["line 2", "line 3"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_OnlyEmpty_WarnsNoComponents()
    {
        var result = await ParseText("/r/gradle.lockfile", "# header\nempty=compileClasspath\n");

        Assert.Empty(result.Inventory!.Components);
        Assert.Equal(DiagnosticCodes.NoComponents, Assert.Single(result.Diagnostics).Code);
    }

    private static async Task<InventoryResult> ParseText(string path, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }
}
