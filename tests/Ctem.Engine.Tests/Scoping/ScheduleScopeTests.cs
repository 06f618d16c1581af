using Ctem.Core.Scoping;
using Ctem.Engine.Scoping;
using Xunit;

namespace Ctem.Engine.Tests.Scoping;

/// <summary>The scope file's <c>schedules:</c> section: cron expressions, time zones, the three kinds of job, with the schema agreeing.</summary>
public sealed class ScheduleScopeTests
{
    private const string Path = "/etc/ctem/ctem.yaml";

    private const string Products = "products:\n  - name: shop\n";

    private const string Channel = "notifications:\n  channels: [{name: hook, type: webhook, url: \"https://hooks.example.com/x\", secretEnv: HOOK_SECRET}]\n";

    [Fact]
    public void Load_SchedulesSection_ReadsEveryJobWithItsTimeZone()
    {
        const string Yaml = Products + Channel + """
            schedules:
              timeZone: Europe/Berlin
              dbUpdate:
                - cron: "0 0 3 * * ?"
                  sources: [osv, kev]
                  ecosystems: [npm, "Debian:12"]
                  urls: {kev: "http://127.0.0.1:8081/kev.json"}
                  retries: 0
                - {cron: "0 0 */6 * * ?", timeZone: UTC}
              rescans:
                - {product: shop, source: nightly, cron: "0 30 2 * * ?", url: "https://artifacts.example.com/shop/sbom.json"}
                - {product: shop, source: tree, cron: "0 0 4 ? * MON-FRI", paths: [../src, sbom.cdx.json]}
              notify: {cron: "0 0 8 ? * MON-FRI 2030"}
            """;

        var result = ScopeFile.Load(Path, Yaml);

        Assert.Empty(result.Diagnostics);
        var schedules = result.Document!.Schedules;
        Assert.Collection(
            schedules.DbUpdates,
            u =>
            {
                Assert.Equal(("db-update[0]", new CronSchedule("0 0 3 * * ?", "Europe/Berlin"), 0), (u.Key, u.Cron, u.Retries));
                Assert.Equal(["osv", "kev"], u.Sources);
                Assert.Equal(["npm", "Debian:12"], u.Ecosystems);
                Assert.Equal("http://127.0.0.1:8081/kev.json", Assert.Single(u.Urls).Value);
            },
            u => Assert.Equal(("db-update[1]", new CronSchedule("0 0 */6 * * ?", "UTC"), 3, 0), (u.Key, u.Cron, u.Retries, u.Sources.Count)));
        Assert.Collection(
            schedules.Rescans,
            r => Assert.Equal(("rescan:shop:nightly", "https://artifacts.example.com/shop/sbom.json", 0), (r.Key, r.Url?.AbsoluteUri, r.Paths.Count)),
            r =>
            {
                Assert.Equal(("rescan:shop:tree", null), (r.Key, r.Url));
                Assert.Equal([System.IO.Path.GetFullPath("/etc/src"), System.IO.Path.GetFullPath("/etc/ctem/sbom.cdx.json")], r.Paths);
            });
        Assert.Equal(new ScheduledNotify("notify", new CronSchedule("0 0 8 ? * MON-FRI 2030", "Europe/Berlin")), schedules.Notify);
        Assert.Equal(["db-update[0]", "db-update[1]", "rescan:shop:nightly", "rescan:shop:tree", "notify"], schedules.All.Select(s => s.Key));
        Assert.Empty(ScopeSchema.Errors(Yaml));
    }

    [Fact]
    public void Load_NoSchedulesSection_HasNone()
    {
        Assert.Empty(ScopeFile.Load(Path, "products: []").Document!.Schedules.All);
    }

    public static TheoryData<string, string, string> InvalidSchedules => new()
    {
        { "schedules:\n  dbUpdate: [{cron: \"0 3 * * *\"}]", "4:21", "schedules.dbUpdate[0].cron: '0 3 * * *' is not a Quartz cron expression: it has 5 fields, the Unix crontab form; Quartz cron has 6 or 7 fields, seconds first" },
        { "schedules:\n  dbUpdate: [{cron: \"0 0 3 ? * FUN\"}]", "4:21", "schedules.dbUpdate[0].cron: '0 0 3 ? * FUN' is not a Quartz cron expression (" },
        { "schedules:\n  dbUpdate: [{cron: \"0 61 3 * * ?\"}]", "4:21", "schedules.dbUpdate[0].cron: '0 61 3 * * ?' is not a Quartz cron expression (" },
        { "schedules:\n  dbUpdate: [{sources: [kev]}]", "4:14", "schedules.dbUpdate[0]: missing required key 'cron'" },
        { "schedules:\n  dbUpdate: [{cron: \"0 0 3 * * ?\", sources: [kve]}]", "4:46", "schedules.dbUpdate[0].sources: 'kve' is not one of osv, kev, epss, cve, nvd; did you mean 'kev'?" },
        { "schedules:\n  dbUpdate: [{cron: \"0 0 3 * * ?\", ecosystems: [npn]}]", "4:49", "schedules.dbUpdate[0].ecosystems: 'npn' is not an OSV ecosystem; did you mean 'npm'?" },
        { "schedules:\n  dbUpdate: [{cron: \"0 0 3 * * ?\", urls: {kev: \"http://mirror.example.com/kev.json\"}}]", "4:48", "schedules.dbUpdate[0].urls.kev: 'http://mirror.example.com/kev.json' is not an https:// URL" },
        { "schedules:\n  dbUpdate: [{cron: \"0 0 3 * * ?\", urls: {ghsa: \"https://x.example\"}}]", "4:43", "schedules.dbUpdate[0].urls: unknown key 'ghsa'" },
        { "schedules:\n  dbUpdate: [{cron: \"0 0 3 * * ?\", retries: 11}]", "4:45", "schedules.dbUpdate[0].retries: expected a whole number from 0 to 10, found number 11" },
        { "schedules:\n  timeZone: Mars/Olympus\n  dbUpdate: [{cron: \"0 0 8 * * ?\"}]", "4:13", "schedules.timeZone: 'Mars/Olympus' is not a time zone this machine knows" },
        { "schedules:\n  rescans: [{product: shop, source: s, cron: \"0 0 3 * * ?\", timeZone: CEST, paths: [a]}]", "4:71", "schedules.rescans[0].timeZone: 'CEST' is not a time zone this machine knows" },
        { "schedules:\n  rescans: [{product: shp, source: s, cron: \"0 0 3 * * ?\", paths: [a]}]", "4:23", "schedules.rescans[0].product: 'shp' is not a product of this file; did you mean 'shop'?" },
        { "schedules:\n  rescans: [{product: shop, source: s, cron: \"0 0 3 * * ?\"}]", "4:13", "schedules.rescans[0]: give exactly one of paths (SBOM files or directories to scan) and url" },
        { "schedules:\n  rescans: [{product: shop, source: s, cron: \"0 0 3 * * ?\", paths: [a], url: \"https://x.example/a.json\"}]", "4:13", "schedules.rescans[0]: give exactly one of paths" },
        { "schedules:\n  rescans: [{product: shop, source: s, cron: \"0 0 3 * * ?\", paths: []}]", "4:68", "schedules.rescans[0].paths: must name at least one file or directory" },
        { "schedules:\n  rescans: [{product: shop, cron: \"0 0 3 * * ?\", paths: [a]}]", "4:13", "schedules.rescans[0]: missing required key 'source'" },
        { "schedules:\n  rescans:\n    - {product: shop, source: s, cron: \"0 0 3 * * ?\", paths: [a]}\n    - {product: shop, source: s, cron: \"0 0 4 * * ?\", paths: [b]}", "6:7", "schedules.rescans[1]: product 'shop' source 's' is re-scanned already (first at 5:7)" },
        { "schedules:\n  notify: {cron: \"0 0 8 * * ?\"}", "4:11", "schedules.notify: the scope file configures no notification channels" },
        { "schedules:\n  nightly: {cron: \"0 0 8 * * ?\"}", "4:3", "schedules: unknown key 'nightly'; known keys: timeZone, dbUpdate, rescans, notify" },
    };

    [Theory]
    [MemberData(nameof(InvalidSchedules))]
    public void Load_InvalidSchedules_ReportsMessageAtLineColumn(string schedules, string location, string message)
    {
        var result = ScopeFile.Load(Path, Products + schedules);

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((Path, location), (diagnostic.Path, diagnostic.Location));
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
    }
}
