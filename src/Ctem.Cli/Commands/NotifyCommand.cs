using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem notify [--dry-run]</c>: evaluates every product's current state and sends each channel what it has not been sent (for cron and CI).</summary>
public static class NotifyCommand
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent; send nothing, record nothing" };
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json]);
        var scopeOption = new ScopeOption("nothing was sent");
        var command = new Command("notify", "Send the notifications the scope file configures: new findings, KEV listings, SLA breaches and due dates, expiring risk acceptances; each event once per channel")
        {
            dryRun, format,
        };
        scopeOption.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (scopeOption.Read(context, parseResult, null, out var refused) is not { } scope)
            {
                return refused;
            }

            if (!scope.Notifications.Configured)
            {
                context.Host.Stderr.WriteLine("ctem notify: the scope file configures no notification channels; add a notifications: section (docs/cli.md, \"Notifications\")");
                return ExitCodes.Usage;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var run = await context.Notifier(store).RunAsync(scope.Notifications, null, parseResult.GetValue(dryRun), cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                NotifyOutput.WriteJson(context.Host.Stdout, run);
            }
            else
            {
                NotifyOutput.WriteTable(Consoles.Stdout(context.Host), context.Host.Stdout, run);
            }

            return run.AnyFailed ? ExitCodes.DatabaseError : ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem notify --dry-run", "What would be sent now, per channel, without sending or recording anything"),
            new("ctem notify --scope /etc/ctem/ctem.yaml", "From cron: send what has not been sent; exit 4 when a channel failed (it is retried next run)"),
            new("ctem notify --format json | jq '.channels[] | {name, status, sent}'", "Each channel's outcome"));
    }

    /// <summary>
    /// Run at the end of scan, ingest and db import/update when the scope file configures channels: the same evaluation as
    /// <c>ctem notify</c> (of <paramref name="product"/> only, or all), its outcome on stderr. A failed channel does not
    /// change the command's exit code: its events are sent by the next run.
    /// </summary>
    internal static async Task AfterAsync(CliContext context, ICtemStore store, ScopeDocument scope, string? product, CancellationToken cancellationToken)
    {
        if (!scope.Notifications.Configured)
        {
            return;
        }

        var run = await context.Notifier(store).RunAsync(scope.Notifications, product, dryRun: false, cancellationToken);
        NotifyOutput.WriteSummary(context.Host.Stderr, run);
    }
}
