using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Scoping;
using Ctem.Engine.Mobilization.Plan;
using Ctem.Engine.Mobilization.Tickets;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem tickets sync</c>: two-way tickets in GitHub Issues and Jira Cloud for the open findings.</summary>
public static class TicketsCommand
{
    public static Command Create(CliContext context) =>
        new Command("tickets", "File and follow tickets for the open findings in GitHub Issues or Jira Cloud") { CreateSync(context) }.WithExamples(
            new("GITHUB_TOKEN=… ctem tickets sync", "One ticket per upgrade, in the tracker the scope file's tickets: names"),
            new("ctem tickets sync --dry-run", "What would be created, updated or closed, without calling any tracker"));

    private static Command CreateSync(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "Only this product's findings (default: every product)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be created, updated or closed; call no tracker and store nothing" };
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json]);
        var scope = new ScopeOption();
        var command = new Command(
            "sync",
            "Create or update a ticket per remediation action (or per finding); a ticket closed upstream claims its findings fixed, the next scan verifies the claim, and the next sync comments (and reopens when a finding is still there)")
        {
            product, dryRun, format,
        };
        scope.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var name = parseResult.GetValue(product);
            if (scope.Read(context, parseResult, null, out var scopeExit) is not { } document)
            {
                return scopeExit;
            }

            if (document.Tickets is not { } settings)
            {
                await context.Host.Stderr.WriteLineAsync("ctem: tickets: the scope file has no tickets: section naming a GitHub repository or a Jira project (see 'ctem tickets sync' in docs/cli.md)");
                return ExitCodes.Usage;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            if (name is not null && !await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var desired = settings.GroupBy == TicketGrouping.Finding
                ? DesiredTickets.FromFindings(await store.GetCurrentFindingsAsync(name, cancellationToken), settings)
                : DesiredTickets.FromPlan(await new RemediationPlanner(store, BuiltInPlugins.VersionSchemes).PlanAsync(name, cancellationToken), settings);
            var dry = parseResult.GetValue(dryRun);
            IReadOnlyDictionary<TicketTarget, ITicketTracker> trackers = new Dictionary<TicketTarget, ITicketTracker>();
            if (!dry)
            {
                var targets = desired.Select(d => d.Target).Concat((await store.GetTicketsAsync(cancellationToken)).Select(Target)).ToList();
                var options = TrackerOptions.Default with { RetryDelay = context.RetryDelay };
                (trackers, var errors) = TicketTrackers.Create(settings, targets, context.Host.Environment, context.Http, options, context.Host.Time);
                if (errors.Count > 0)
                {
                    foreach (var error in errors)
                    {
                        await context.Host.Stderr.WriteLineAsync($"ctem: {error}");
                    }

                    return ExitCodes.Usage;
                }
            }

            var within = name is null ? null : (await store.GetFindingsAsync(new Core.Stores.FindingFilter(name, Core.Stores.FindingStatusFilter.All), cancellationToken)).Select(f => f.Id).ToHashSet();
            var report = await new TicketSync(store, context.Host.Time, new StoreRiskAcceptances(store)).SyncAsync(desired, trackers, dry, cancellationToken, within);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                TicketsOutput.WriteJson(context.Host.Stdout, report);
            }
            else
            {
                TicketsOutput.WriteTable(context.Host.Stdout, Consoles.Stdout(context.Host), report);
            }

            foreach (var error in report.Errors)
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: {error}");
            }

            return report.Errors.Count > 0 ? ExitCodes.DatabaseError : ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("GITHUB_TOKEN=… ctem tickets sync", "Create, update, close and reopen tickets; post what the last scans verified"),
            new("ctem tickets sync --product payments-api --dry-run", "What one product's sync would do, without network"),
            new("ctem tickets sync --format json | jq '.tickets[] | select(.fixClaimed != [])'", "Tickets closed upstream whose fixes the next scan is to verify"));
    }

    private static TicketTarget Target(Core.Stores.StoredTicket ticket) =>
        new(ticket.Tracker == "jira" ? TicketTrackerKind.Jira : TicketTrackerKind.GitHub, ticket.Project);
}
