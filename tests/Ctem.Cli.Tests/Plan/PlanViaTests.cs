using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Plan;

/// <summary>
/// <c>via[]</c> on a real CycloneDX SBOM with a dependency graph (Proton Mail Bridge 1.8.0, Go): the direct dependencies a
/// transitive component is pulled in by, walking up the stored graph to the first direct dependency on each path.
/// </summary>
public sealed class PlanViaTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "gopkg.in/yaml.v3", "pkg:golang/github.com/stretchr/testify@v1.6.1" },
        { "golang.org/x/sys", "pkg:golang/golang.org/x/net@v0.0.0-20210405180319-a5a99cb37ef4" },
        { "github.com/gin-gonic/gin", "pkg:golang/github.com/getsentry/sentry-go@v0.8.0" },

        // A direct dependency is upgraded itself: nothing pulls it in.
        { "golang.org/x/net", "" },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Plan_SbomWithDependencyGraph_NamesTheDirectDependency(string package, string via)
    {
        using var fixture = new CliFixture();
        var sbom = PlanSbom.Extract(fixture, "cyclonedx-bom-examples.zip", "SBOM/proton-bridge/proton-bridge-v1.8.0.bom.json");
        Assert.Equal(0, (await fixture.RunAsync("db", "import", RepoPaths.SharedData("osv", "Go.zip"))).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("scan", sbom)).ExitCode);

        var actions = PlannedAction.Read((await fixture.RunAsync("plan", "--format", "json")).Stdout);

        Assert.Equal(via, string.Join(", ", Assert.Single(actions, a => a.Name == package).Via));
    }
}
