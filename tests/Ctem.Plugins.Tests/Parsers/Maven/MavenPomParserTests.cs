using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Maven;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Maven;

public sealed class MavenPomParserTests
{
    private static readonly MavenPomParser Parser = new();

    [Theory]
    [InlineData("/repo/pom.xml", true)]
    [InlineData("/m2/org/x/y/1.0/y-1.0.pom", true)]
    [InlineData("/repo/pom.xml.bak", false)]
    [InlineData("/repo/build.gradle", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_SpringPetclinic_ReadsDeclaredDependenciesOnly()
    {
        var result = await ParseFile(TestData("petclinic", "pom.xml"), FromDisk);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("org.springframework.samples:spring-petclinic", "4.0.7-SNAPSHOT"), inventory.Product);
        Assert.Equal(
            [
                ("org.springframework.boot:spring-boot-starter-actuator", null, DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-starter-cache", null, DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-starter-data-jpa", null, DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-starter-web", null, DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-starter-validation", null, DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-starter-thymeleaf", null, DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-starter-test", null, DependencyScope.Test),
                ("com.h2database:h2", null, DependencyScope.Runtime),
                ("com.mysql:mysql-connector-j", null, DependencyScope.Runtime),
                ("org.postgresql:postgresql", null, DependencyScope.Runtime),
                ("javax.cache:cache-api", null, DependencyScope.Runtime),
                ("com.github.ben-manes.caffeine:caffeine", null, DependencyScope.Runtime),
                ("org.webjars.npm:bootstrap", "5.3.2", DependencyScope.Runtime),
                ("org.webjars.npm:font-awesome", "4.7.0", DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-devtools", null, DependencyScope.Test),
                ("org.springframework.boot:spring-boot-testcontainers", null, DependencyScope.Test),
                ("org.springframework.boot:spring-boot-docker-compose", null, DependencyScope.Test),
                ("org.testcontainers:junit-jupiter", null, DependencyScope.Test),
                ("org.testcontainers:mysql", null, DependencyScope.Test),
                ("jakarta.xml.bind:jakarta.xml.bind-api", null, DependencyScope.Runtime),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Scope)));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyRelation.Direct, c.Relation));
        var bootstrap = inventory.Components[12];
        Assert.Equal("pkg:maven/org.webjars.npm/bootstrap@5.3.2", bootstrap.BomRef);
        Assert.Equal(new PackageKey("Maven", "org.webjars.npm:bootstrap"), bootstrap.PackageKey);
        Assert.Equal("line 98", bootstrap.Location.Pointer);
        Assert.Equal(18, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.UnparsableVersion), (d.Severity, d.Code)));
        Assert.Contains("spring-boot-starter-parent:3.2.1, which was not read", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ModuleWithParentOnDisk_InheritsPropertiesManagementAndDependencies()
    {
        var parentPath = TestData("multi-module", "pom.xml");
        var result = await ParseFile(TestData("multi-module", "orders-service", "pom.xml"), FromDisk);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("com.example.shop:orders-service", "1.4.0"), inventory.Product);
        Assert.Equal(
            [
                ("org.slf4j:slf4j-api", "2.0.13", DependencyScope.Runtime),
                ("com.fasterxml.jackson.core:jackson-databind", "2.17.2", DependencyScope.Runtime),
                ("com.example.shop:shop-common", "1.4.0", DependencyScope.Runtime),
                ("org.junit.jupiter:junit-jupiter", "5.10.2", DependencyScope.Test),
                ("jakarta.servlet:jakarta.servlet-api", "6.0.0", DependencyScope.Optional),
                ("com.google.guava:guava", null, DependencyScope.Optional),
                ("io.netty:netty-transport-native-epoll", "4.1.110.Final", DependencyScope.Runtime),
                ("org.springframework.boot:spring-boot-starter-web", null, DependencyScope.Runtime),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Scope)));
        Assert.Equal(parentPath, inventory.Components[0].Location.Path);
        Assert.Equal("pkg:maven/io.netty/netty-transport-native-epoll@4.1.110.Final?classifier=linux-x86_64", inventory.Components[6].Purl?.ToString());
        Assert.Equal(["line 34", "line 47"], result.Diagnostics.Select(d => d.Location));
        Assert.Contains("version range", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ModuleWithoutRelated_KeepsManagedOnesUnpinned()
    {
        var result = await ParseFile(TestData("multi-module", "orders-service", "pom.xml"), related: null);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(7, inventory.Components.Count);
        Assert.Equal(
            [("com.fasterxml.jackson.core:jackson-databind", null), ("com.example.shop:shop-common", null), ("org.junit.jupiter:junit-jupiter", null)],
            inventory.Components.Take(3).Select(c => (c.Name, c.Version)));
        Assert.Equal(DependencyScope.Runtime, inventory.Components[2].Scope);
        Assert.Contains("shop-parent:1.4.0, which was not read", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ExplicitRelativePathToOtherPom_WarnsAndIgnoresIt()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/repo/build/pom.xml"] = "<project><groupId>g</groupId><artifactId>aggregator</artifactId><version>1</version><properties><v>9</v></properties></project>",
        };
        var result = await ParseText("/repo/app/pom.xml", """
            <project>
              <parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version><relativePath>../build</relativePath></parent>
              <artifactId>app</artifactId>
              <dependencies><dependency><groupId>g</groupId><artifactId>lib</artifactId><version>${v}</version></dependency></dependencies>
            </project>
            """, path => files.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : null);

        Assert.Null(Assert.Single(result.Inventory!.Components).Version);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("is not the parent g:parent", StringComparison.Ordinal));
        Assert.Equal(new ProductRef("g:app", "1"), result.Inventory.Product);
    }

    [Fact]
    public async Task Parse_ParentVersionProperties_Resolve()
    {
        var result = await ParseText("/repo/pom.xml", """
            <project>
              <parent><groupId>org.acme</groupId><artifactId>acme-parent</artifactId><version>7.1</version><relativePath/></parent>
              <artifactId>tool</artifactId>
              <version>2.0</version>
              <dependencies>
                <dependency><groupId>org.acme</groupId><artifactId>acme-core</artifactId><version>${project.parent.version}</version></dependency>
                <dependency><groupId>org.acme</groupId><artifactId>acme-api</artifactId><version>${project.version}</version></dependency>
                <dependency><groupId>org.acme</groupId><artifactId>acme-x</artifactId><version>[1.5]</version></dependency>
                <dependency><artifactId>no-group</artifactId><version>1</version></dependency>
              </dependencies>
            </project>
            """, _ => throw new InvalidOperationException("an empty relativePath turns the lookup off"));

        Assert.Equal([("org.acme:acme-core", "7.1"), ("org.acme:acme-api", "2.0"), ("org.acme:acme-x", "1.5")], result.Inventory!.Components.Select(c => (c.Name, c.Version)));
        Assert.Equal(("line 9", DiagnosticCodes.UnsupportedFormat), result.Diagnostics.Select(d => (d.Location, d.Code)).Single());
    }

    public static TheoryData<string, string, string?, string> Invalid => new()
    {
        { "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<project><artifactId>&xxe;</artifactId></project>", DiagnosticCodes.InvalidJson, null, "DTD" },
        { "<project><dependencies></project>", DiagnosticCodes.InvalidJson, "1:26", "invalid XML" },
        { "<settings/>", DiagnosticCodes.UnsupportedFormat, "line 1", "not a Maven POM" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location, string message)
    {
        var result = await ParseText("/repo/pom.xml", text, related: null);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((true, code, location), (error.IsError, error.Code, error.Location));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static async Task<InventoryResult> ParseFile(string path, Func<string, byte[]?>? related)
    {
        await using var stream = File.OpenRead(path);
        return await Parser.ParseAsync(new InputSource(path, stream) { Related = related }, CancellationToken.None);
    }

    private static async Task<InventoryResult> ParseText(string path, string text, Func<string, byte[]?>? related)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Parser.ParseAsync(new InputSource(path, stream) { Related = related }, CancellationToken.None);
    }

    private static byte[]? FromDisk(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    private static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Parsers", "Maven", "testdata", .. parts]);
}
