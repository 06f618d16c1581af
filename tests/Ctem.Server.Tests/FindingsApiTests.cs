using System.Net;
using System.Text.Json;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>One truth: the API's findings are the CLI's bytes; filters, sorts and the cursor walk every finding once.</summary>
public sealed class FindingsApiTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<Dialect, string> Formats => new()
    {
        { Dialect.Sqlite, "csv" },
        { Dialect.Sqlite, "markdown" },
        { Dialect.Sqlite, "sarif" },
        { Dialect.Sqlite, "json" },
        { Dialect.Postgres, "csv" },
        { Dialect.Postgres, "json" },
    };

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public async Task Findings_AreTheCliBytes(Dialect dialect, string format)
    {
        var fixture = await api.ForAsync(dialect);
        using var client = fixture.Client("reader");

        var cli = await fixture.CliAsync("findings", "--product", ApiFixture.OwnProduct, "--format", format);
        var served = await client.GetStringAsync($"/api/v1/findings?product={ApiFixture.OwnProduct}&format={format}&limit=1000");

        // The API's JSON page says what follows it; everything else is the same.
        var expected = format == "json" ? cli.Replace("\n  ]\n}\n", "\n  ],\n  \"next\": null\n}\n", StringComparison.Ordinal) : cli;
        Assert.Equal(expected, served);
    }

    public static TheoryData<Dialect, string, int> Walks => new()
    {
        { Dialect.Sqlite, "priority", 7 },
        { Dialect.Sqlite, "id", 10 },
        { Dialect.Sqlite, "due", 25 },
        { Dialect.Postgres, "priority", 13 },
    };

    [SkippableTheory]
    [MemberData(nameof(Walks))]
    public async Task Cursor_WalksEveryFindingOnceInOrder(Dialect dialect, string sort, int limit)
    {
        var fixture = await api.ForAsync(dialect);
        using var client = fixture.Client("reader");
        var all = Ids(await client.GetStringAsync($"/api/v1/findings?sort={sort}&limit=1000"));

        var walked = new List<long>();
        var pages = 0;
        for (string? next = $"/api/v1/findings?sort={sort}&limit={limit}"; next is not null; pages++)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync(next)).RootElement;
            walked.AddRange(page.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal(all, walked);
        Assert.Equal((all.Count + limit - 1) / limit, pages);
        if (sort == "id")
        {
            Assert.Equal(all.Order(), all);
        }
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "priority=medium", "all medium" },
        { "priority=critical,high", "none" },
        { "kev=true", "none" },
        { "kev=false", "all" },
        { "text=containerd", "containerd" },
        { "text=CVE-2022-23471", "containerd" },
        { "status=resolved", "none" },
        { "owner=nobody", "none" },
    };

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public async Task Filters_KeepWhatTheySay(string query, string kept)
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client("reader");
        var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/findings?limit=1000")).RootElement.GetProperty("findings").EnumerateArray().ToList();

        var filtered = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/findings?limit=1000&{query}")).RootElement.GetProperty("findings").EnumerateArray().ToList();

        switch (kept)
        {
            case "none":
                Assert.Empty(filtered);
                break;
            case "all":
                Assert.Equal(all.Count, filtered.Count);
                break;
            case "all medium":
                Assert.NotEmpty(filtered);
                Assert.Equal(all.Count(f => f.GetProperty("risk").GetProperty("priority").GetString() == "medium"), filtered.Count);
                break;
            default:
                Assert.NotEmpty(filtered);
                Assert.All(filtered, f => Assert.Contains(kept, f.GetProperty("component").GetProperty("purl").GetString(), StringComparison.Ordinal));
                break;
        }
    }

    public static TheoryData<string, HttpStatusCode, string> BadQueries => new()
    {
        { "status=closed", HttpStatusCode.BadRequest, "status 'closed' is not one of open, resolved, all" },
        { "sort=severity", HttpStatusCode.BadRequest, "sort 'severity' is not one of priority, id, due" },
        { "format=xml", HttpStatusCode.BadRequest, "format 'xml' is not one of json, sarif, csv, markdown" },
        { "priority=urgent", HttpStatusCode.BadRequest, "priority 'urgent' is not one of critical, high, medium, low" },
        { "limit=0", HttpStatusCode.BadRequest, "limit 0 is not from 1 to 1000" },
        { "cursor=bm90LWEtY3Vyc29y", HttpStatusCode.BadRequest, "cursor 'bm90LWEtY3Vyc29y' is not one this listing wrote" },
        { "product=nope", HttpStatusCode.NotFound, "no product named 'nope'" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadQueries))]
    public async Task BadQuery_IsAProblemNamingTheValue(string query, HttpStatusCode status, string detail)
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client("reader");

        using var response = await client.GetAsync($"/api/v1/findings?{query}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CursorOfAnotherSort_IsRefused()
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client("reader");
        var next = JsonDocument.Parse(await client.GetStringAsync("/api/v1/findings?limit=5&sort=id")).RootElement.GetProperty("next").GetString()!;

        using var response = await client.GetAsync(next.Replace("sort=id", "sort=due", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static List<long> Ids(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToList();
}
