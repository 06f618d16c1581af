using Ctem.Core.Scoping;
using Ctem.Engine.Mobilization.Plan;
using Ctem.Engine.Mobilization.Tickets;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Tickets;

/// <summary>
/// Two-way sync over the demo SBOM's real findings with a tracker held in memory: a close claims the fix, the rescan
/// with the upgrade verifies it (a comment, the ticket stays closed), risk acceptances are noted once, a dry run calls nothing.
/// </summary>
public sealed class TicketSyncTests
{
    private const string CryptoVersion = "v0.0.0-20211215153901-e495a2d5b3d3";
    private static readonly TicketSettings Settings = new(TicketGrouping.Action, new GitHubTicketTarget("acme/security", "GITHUB_TOKEN", new Uri("https://api.github.com/"), ["ctem"]), null, []);
    private static readonly TicketTarget Target = new(TicketTrackerKind.GitHub, "acme/security");

    [Fact]
    public async Task Sync_ClosedUpstreamThenRescanWithTheUpgrade_PostsTheVerificationAndLeavesItClosed()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.DemoAdvisories);
        await fixture.ScanAsync(fixture.DemoSbom, "harp", "sbom");
        var tracker = new MemoryTracker();
        await SyncAsync(fixture, tracker);
        var crypto = tracker.Tickets.Single(t => t.Value.Title.StartsWith("Upgrade golang.org/x/crypto", StringComparison.Ordinal)).Key;
        tracker.Tickets[crypto].Open = false;

        var claimed = (await SyncAsync(fixture, tracker)).Tickets.Single(t => t.ExternalKey == crypto);
        var upgraded = fixture.File("harp-upgraded.json", File.ReadAllText(fixture.DemoSbom).Replace(CryptoVersion, "v0.52.0", StringComparison.Ordinal));
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await fixture.ScanAsync(upgraded, "harp", "sbom");
        var verified = await SyncAsync(fixture, tracker);

        Assert.Equal(["fix-claimed"], claimed.Actions);
        Assert.Equal(claimed.Findings, claimed.FixClaimed);
        Assert.Equal(["verified"], verified.Tickets.Single(t => t.ExternalKey == crypto).Actions);
        Assert.StartsWith("Ctem verified the fix: the scan no longer finds finding", Assert.Single(tracker.Tickets[crypto].Comments), StringComparison.Ordinal);
        Assert.False(tracker.Tickets[crypto].Open);
        Assert.Empty((await fixture.Store.GetUnverifiedFixClaimsAsync("harp", CancellationToken.None)));
        Assert.All(verified.Tickets.Where(t => t.ExternalKey != crypto), t => Assert.Equal(["unchanged"], t.Actions));
    }

    [Fact]
    public async Task Sync_RiskAccepted_NotedOnTheTicketOnce()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.DemoAdvisories);
        await fixture.ScanAsync(fixture.DemoSbom, "harp", "sbom");
        var tracker = new MemoryTracker();
        await SyncAsync(fixture, tracker);
        var ticket = (await fixture.Store.GetTicketsAsync(CancellationToken.None))[0];
        var accepted = new Acceptances(ticket.Findings[0].FindingId, new RiskAcceptanceNote("acceptance-1", "alice", "behind the VPN", new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        await SyncAsync(fixture, tracker, accepted);
        await SyncAsync(fixture, tracker, accepted);

        var comment = Assert.Single(tracker.Tickets[ticket.ExternalKey].Comments);
        Assert.Equal($"Ctem: the risk of finding {ticket.Findings[0].FindingId} was accepted by alice until 2027-03-01: behind the VPN", comment);
    }

    [Fact]
    public async Task Sync_DryRun_CallsNoTrackerAndStoresNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.DemoAdvisories);
        await fixture.ScanAsync(fixture.DemoSbom, "harp", "sbom");
        var tracker = new MemoryTracker();

        var report = await SyncAsync(fixture, tracker, dryRun: true);

        Assert.NotEmpty(report.Tickets);
        Assert.All(report.Tickets, t => Assert.Equal(["would-create"], t.Actions));
        Assert.Empty(tracker.Tickets);
        Assert.Empty(await fixture.Store.GetTicketsAsync(CancellationToken.None));
    }

    private static async Task<TicketSyncReport> SyncAsync(EngineFixture fixture, MemoryTracker tracker, IRiskAcceptances? acceptances = null, bool dryRun = false)
    {
        var plan = await new RemediationPlanner(fixture.Store, BuiltInPlugins.VersionSchemes).PlanAsync(null, CancellationToken.None);
        var report = await new TicketSync(fixture.Store, fixture.Time, acceptances)
            .SyncAsync(DesiredTickets.FromPlan(plan, Settings), new Dictionary<TicketTarget, ITicketTracker> { [Target] = tracker }, dryRun, CancellationToken.None);
        Assert.Empty(report.Errors);
        return report;
    }

    private sealed class Acceptances(long findingId, RiskAcceptanceNote note) : IRiskAcceptances
    {
        public Task<IReadOnlyDictionary<long, RiskAcceptanceNote>> GetAsync(IReadOnlyCollection<long> findingIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<long, RiskAcceptanceNote>>(findingIds.Contains(findingId) ? new Dictionary<long, RiskAcceptanceNote> { [findingId] = note } : []);
    }

    private sealed class MemoryTracker : ITicketTracker
    {
        public Dictionary<string, MemoryTicket> Tickets { get; } = [];

        public string Kind => "github";

        public string Project => "acme/security";

        public Task<IReadOnlyDictionary<string, bool>> GetOpenStatesAsync(IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, bool>>(Tickets.ToDictionary(t => t.Key, t => t.Value.Open));

        public Task<CreatedTicket> CreateAsync(TicketContent content, CancellationToken cancellationToken)
        {
            var key = (Tickets.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Tickets[key] = new MemoryTicket { Title = content.Title };
            return Task.FromResult(new CreatedTicket(key, $"https://github.com/acme/security/issues/{key}"));
        }

        public Task UpdateAsync(string externalKey, TicketContent content, CancellationToken cancellationToken)
        {
            Tickets[externalKey].Title = content.Title;
            return Task.CompletedTask;
        }

        public Task CommentAsync(string externalKey, string text, CancellationToken cancellationToken)
        {
            Tickets[externalKey].Comments.Add(text);
            return Task.CompletedTask;
        }

        public Task SetOpenAsync(string externalKey, bool open, CancellationToken cancellationToken)
        {
            Tickets[externalKey].Open = open;
            return Task.CompletedTask;
        }
    }

    private sealed class MemoryTicket
    {
        public string Title { get; set; } = "";

        public bool Open { get; set; } = true;

        public List<string> Comments { get; } = [];
    }
}
