using Ctem.Core.Stores;
using Ctem.Server.Access;
using Ctem.Server.Dashboard;
using Ctem.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Ctem.Server.Tests.Dashboard;

/// <summary>The findings page reads its page and total in SQL: the same findings, in the same order, as filtering every finding in memory did.</summary>
public sealed class FindingPageTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<Dialect, string> Searches()
    {
        string[] searches =
        [
            "", "sort=id", "sort=due", "page=2", "sort=due&page=2", "priority=high", "priority=critical&sort=id", "kev=true", "kev=false",
            "ssvc=track", "ssvc=attend", "ssvc=act", "ssvc=track*", "status=all", "status=resolved&sort=due", "owner=payments", "owner=nobody",
            "product=harp", "text=GHSA", "text=golang.org/x/", "text=  net  ", "text=ReDoS&status=all", "product=harp&kev=false&priority=medium&sort=due",
        ];
        var cases = new TheoryData<Dialect, string>();
        foreach (var dialect in new[] { Dialect.Sqlite, Dialect.Postgres })
        {
            foreach (var search in searches)
            {
                cases.Add(dialect, search);
            }
        }

        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Searches))]
    public async Task FindingPageAsync_IsWhatFilteringEveryFindingInMemoryGives(Dialect dialect, string query)
    {
        var fixture = await api.ForAsync(dialect);
        var data = new DashboardData(fixture.Services.GetRequiredService<EngineServices>());
        var caller = new Caller(0, ApiFixture.OwnTeam, ApiRole.Reader);
        var search = Parse(query);
        Assert.Empty(search.Problems());
        Assert.NotNull(search.PageRequest(new HashSet<string>()));

        var (page, total) = await data.FindingPageAsync(caller, search, CancellationToken.None);
        var (expected, expectedTotal) = search.Apply(await data.FindingsAsync(caller, search.StoreFilter(), CancellationToken.None));

        Assert.Equal(expectedTotal, total);
        Assert.Equal(expected.Select(f => f.Id), page.Select(f => f.Id));
    }

    [SkippableFact]
    public async Task FindingPageAsync_TextBeyondAscii_IsMatchedIgnoringCaseAsDotNetDoes()
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        var data = new DashboardData(fixture.Services.GetRequiredService<EngineServices>());
        var search = Parse("text=É");

        Assert.Null(search.PageRequest(new HashSet<string>()));
        var (page, total) = await data.FindingPageAsync(new Caller(0, ApiFixture.OwnTeam, ApiRole.Reader), search, CancellationToken.None);
        Assert.Equal(0, total);
        Assert.Empty(page);
    }

    [SkippableFact]
    public async Task FindingPageAsync_AnotherTeamsProduct_IsEmpty()
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        var data = new DashboardData(fixture.Services.GetRequiredService<EngineServices>());

        var (page, total) = await data.FindingPageAsync(new Caller(0, ApiFixture.OwnTeam, ApiRole.Reader), Parse($"product={ApiFixture.OtherProduct}"), CancellationToken.None);

        Assert.Equal(0, total);
        Assert.Empty(page);
    }

    private static FindingSearch Parse(string query)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return new FindingSearch(
            values.GetValueOrDefault("product"), values.GetValueOrDefault("priority"), values.GetValueOrDefault("status", "open"), values.GetValueOrDefault("owner"),
            values.GetValueOrDefault("kev"), values.GetValueOrDefault("ssvc"), values.GetValueOrDefault("text"), values.GetValueOrDefault("sort", "priority"),
            int.Parse(values.GetValueOrDefault("page", "1"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
