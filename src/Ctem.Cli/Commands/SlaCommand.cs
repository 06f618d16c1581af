using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Mobilization.Sla;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem sla [--product P] [--owner TEAM]</c>: breaches, what falls due within 7 days, compliance per product and team, MTTR per priority.</summary>
public static class SlaCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "Only this product's findings" };
        var owner = new Option<string?>("--owner") { Description = "Only the findings this team owns", HelpName = "TEAM" };
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown]);
        var command = new Command(
            "sla",
            "Show the findings past their due date and due within 7 days, SLA compliance per product and owner, and the mean time to remediate per priority")
        {
            product, owner, format,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            await ExpiredAcceptances.EndAsync(context, store, cancellationToken);
            var name = parseResult.GetValue(product);
            if (name is not null && !await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var report = await SlaReporter.ReportAsync(store, name, parseResult.GetValue(owner), context.Host.Time.GetUtcNow(), cancellationToken);
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    SlaReportOutput.WriteJson(context.Host.Stdout, report);
                    break;
                case OutputFormat.Markdown:
                    SlaReportOutput.WriteMarkdown(context.Host.Stdout, report);
                    break;
                default:
                    SlaOutput.WriteTable(Consoles.Stdout(context.Host), context.Host.Stdout, report);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem sla", "Breaches and what falls due this week, across every product"),
            new("ctem sla --owner payments --format markdown > sla.md", "One team's SLA report, for its weekly review"),
            new("ctem sla --product payments-api --format json | jq '.breached[].finding.id'", "The ids of one product's breached findings"));
    }
}
