using System.CommandLine;
using System.Globalization;
using Ctem.Cli.Rendering;
using Ctem.Engine.Mobilization.Acceptance;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem accept ID --reason TEXT --until DATE [--by NAME]</c>: accept a finding's risk for a time.</summary>
public static class AcceptCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The finding's ID (see 'ctem findings')" };
        var reason = new Option<string?>("--reason") { Description = "Why the risk is accepted (required)", HelpName = "text" };
        var until = new Option<string?>("--until")
        {
            Description = "When the finding comes back: a date (YYYY-MM-DD, 00:00 UTC) or a time, within the policy's maximum (required)",
            HelpName = "date",
        };
        var by = new Option<string?>("--by") { Description = "Who accepts the risk (default: $USER)", HelpName = "name" }.NotEmpty();
        var scope = new ScopeOption();
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("accept", "Accept a finding's risk until a date: it leaves the open list and --fail-on, and comes back by itself on that date") { id, reason, until, by, format };
        scope.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var who = parseResult.GetValue(by) ?? context.Host.Environment("USER");
            if (string.IsNullOrWhiteSpace(who))
            {
                await context.Host.Stderr.WriteLineAsync("ctem: --by is needed: who accepts the risk ($USER is not set)");
                return ExitCodes.Usage;
            }

            DateTimeOffset? end = null;
            if (parseResult.GetValue(until) is { } text)
            {
                if (!RiskAcceptor.TryParseUntil(text, out var parsed))
                {
                    await context.Host.Stderr.WriteLineAsync($"ctem: --until '{text}' is not a date (YYYY-MM-DD) or a time (ISO 8601)");
                    return ExitCodes.Usage;
                }

                end = parsed;
            }

            if (scope.Read(context, parseResult, null, out var scopeExit) is not { } document)
            {
                return scopeExit;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            await ExpiredAcceptances.EndAsync(context, store, cancellationToken);
            var result = await new RiskAcceptor(store, context.Host.Time).AcceptAsync(
                new AcceptRequest(parseResult.GetValue(id), parseResult.GetValue(reason), end, who), document.Acceptance, cancellationToken);
            if (result.Accepted is not { } accepted)
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: {result.Refusal}; nothing was recorded");
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                FindingDecisionJson.WriteAcceptance(context.Host.Stdout, accepted);
            }
            else
            {
                await context.Host.Stdout.WriteLineAsync(
                    $"Finding {accepted.FindingId} ({accepted.Product}): risk accepted by {accepted.By} until {Day(accepted.Until)}: {accepted.Reason}. It leaves the open list and --fail-on until then.");
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem accept 42 --reason \"not reachable: internal admin tool\" --until 2027-03-31 --by alice", "Accept a risk until the end of March; it comes back by itself"),
            new("ctem accept 42 --reason \"vendor fix due in Q2\" --until 2027-06-30 --format json", "The same, as JSON"));
    }

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
