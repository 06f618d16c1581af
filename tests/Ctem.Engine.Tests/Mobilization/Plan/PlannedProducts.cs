using Ctem.Engine.Mobilization.Plan;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Plan;

/// <summary>
/// Two products scanned against the real PyPI and Go exports and planned once, for every case of
/// <see cref="RemediationPlannerTests"/>: importing the exports takes seconds. Without the shared data set nothing is
/// built and the tests skip.
/// </summary>
public sealed class PlannedProducts : IAsyncLifetime
{
    private EngineFixture? _fixture;

    public RemediationPlan Plan { get; private set; } = new([], []);

    public RemediationPlan AppA { get; private set; } = new([], []);

    public async Task InitializeAsync()
    {
        if (!RepoPaths.SharedAvailable)
        {
            return;
        }

        _fixture = await EngineFixture.CreateAsync();
        await _fixture.ImportAsync(RepoPaths.SharedData("osv", "PyPI.zip"), RepoPaths.SharedData("osv", "Go.zip"));
        await _fixture.ScanAsync(_fixture.Sbom(
            "app-a.cdx.json",
            "app-a",
            "pkg:pypi/django@3.2.9",
            "pkg:pypi/pillow@8.0.0",
            "pkg:pypi/urllib3@2.0.2",
            "pkg:pypi/werkzeug@1.0.1",
            "pkg:pypi/cryptography@2.9",
            "pkg:golang/golang.org/x/crypto@v0.0.0-20211215153901-e495a2d5b3d3",
            "pkg:golang/github.com/docker/docker@v20.10.12%2Bincompatible",
            "pkg:golang/github.com/dgrijalva/jwt-go@v3.2.0%2Bincompatible"));
        await _fixture.ScanAsync(_fixture.Sbom("app-b.cdx.json", "app-b", "pkg:pypi/django@3.2.10", "pkg:pypi/urllib3@1.24.1"));
        var planner = new RemediationPlanner(_fixture.Store, BuiltInPlugins.VersionSchemes);
        Plan = await planner.PlanAsync(null, CancellationToken.None);
        AppA = await planner.PlanAsync("app-a", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }
}
