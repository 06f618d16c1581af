using System.Reflection;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>The dependency rules of docs/architecture.md, checked on the built assemblies.</summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> AllowedCtemReferences => new()
    {
        { "Ctem.Core", [] },
        { "Ctem.Engine", ["Ctem.Core"] },
        { "Ctem.Plugins", ["Ctem.Core"] },
        { "Ctem.Storage", ["Ctem.Core"] },
        { "Ctem.Reporting", ["Ctem.Core", "Ctem.Engine"] },
        { "Ctem.Server", ["Ctem.Core", "Ctem.Engine", "Ctem.Plugins", "Ctem.Reporting", "Ctem.Storage"] },
        { "ctem", ["Ctem.Core", "Ctem.Engine", "Ctem.Plugins", "Ctem.Reporting", "Ctem.Server", "Ctem.Storage"] },
    };

    [Theory]
    [MemberData(nameof(AllowedCtemReferences))]
    public void Assembly_ReferencesOnlyAllowedCtemProjects(string assembly, string[] allowed)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Ctem.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), references);
    }

    [Fact]
    public void Core_ReferencesOnlyTheFramework()
    {
        var references = Assembly.Load("Ctem.Core").GetReferencedAssemblies().Select(a => a.Name!);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }
}
