using System.Globalization;
using Ctem.Engine.Discovery.Active;
using Ctem.Reporting;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem discover</c>: the plan (<c>--dry-run</c>) or the open services and what was stored, as a table or JSON.</summary>
public static class DiscoverOutput
{
    private static readonly IReadOnlyList<LineTableColumn<PlannedHost>> PlanColumns =
    [
        new("Product", Rank: 3, MinWidth: 8, PreferredWidth: 16, h => h.Product),
        new("Deployment", Rank: 4, MinWidth: 8, PreferredWidth: 14, h => h.Deployment),
        new("Host", Rank: 2, MinWidth: 10, PreferredWidth: 24, h => h.Host == h.Address.ToString() ? h.Address.ToString() : $"{h.Host} ({h.Address})") { Required = true, CutAt = CutAt.Middle },
        new("Ports", Rank: 1, MinWidth: 10, PreferredWidth: 40, h => Ranges(h.Ports)) { Required = true },
        new("URLs", Rank: 5, MinWidth: 10, PreferredWidth: 30, h => string.Join(" ", h.Urls)) { CutAt = CutAt.Middle },
    ];

    private static readonly IReadOnlyList<LineTableColumn<DiscoveredService>> ServiceColumns =
    [
        new("Endpoint", Rank: 1, MinWidth: 14, PreferredWidth: 24, s => s.Service.Endpoint.Name) { Required = true, CutAt = CutAt.Middle },
        new("Service", Rank: 2, MinWidth: 7, PreferredWidth: 10, s => (s.Service.Service ?? "?") + (s.Service.Tls && s.Service.Service != "tls" ? "+tls" : "")) { Required = true },
        new("Product", Rank: 5, MinWidth: 8, PreferredWidth: 14, s => s.Host.Product),
        new("Fingerprints", Rank: 4, MinWidth: 10, PreferredWidth: 30, s => string.Join(", ", s.Fingerprints.Select(f => f.Purl.ToString()))) { CutAt = CutAt.End },
        new("Findings", Rank: 3, MinWidth: 8, PreferredWidth: 8, s => s.Findings.Count.ToString(CultureInfo.InvariantCulture)) { Alignment = Justify.Right },
    ];

    public static void WriteTable(TextWriter output, IAnsiConsole console, DiscoveryReport report, DiscoveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        if (report.DryRun)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Dry run: would contact {report.Plan.Endpoints} port(s) on {report.Plan.Hosts.Count} address(es), at most {request.Rate} new connection(s)/s, {request.Timeout.TotalSeconds:0.###}s a connection, {request.Budget.TotalSeconds:0.###}s in all; nothing contacted, nothing stored."));
            LineTable.Write(console, report.Plan.Hosts, PlanColumns);
        }
        else if (report.Plan.Hosts.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Services.Count} open port(s) of {report.Plan.Endpoints} tried on {report.Plan.Hosts.Count} address(es); {report.Connections} connection(s){(report.BudgetExhausted ? "; the time budget ran out before everything was tried, so nothing was resolved" : "")}."));
            if (report.Services.Count > 0)
            {
                LineTable.Write(console, report.Services, ServiceColumns);
            }

            foreach (var stored in report.Stored)
            {
                foreach (var run in stored.Runs)
                {
                    output.WriteLine($"Run {run.Outcome.RunId}, {stored.Product?.Name}: {run.Findings.Count} finding(s), {run.Outcome.New} new, {run.Outcome.Reopened} reopened, {run.Outcome.Resolved} resolved since source '{run.Source}' last ran.");
                }
            }
        }

        foreach (var refused in report.Refused)
        {
            output.WriteLine("Not contacted: " + refused);
        }

        foreach (var note in report.Services.SelectMany(s => s.Notes))
        {
            output.WriteLine("Note: " + note);
        }
    }

    public static void WriteJson(TextWriter output, DiscoveryReport report) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", report.Status.ToString().ToLowerInvariant());
            writer.WriteBoolean("dryRun", report.DryRun);
            writer.WriteStartArray("plan");
            foreach (var host in report.Plan.Hosts)
            {
                writer.WriteStartObject();
                writer.WriteString("product", host.Product);
                writer.WriteString("deployment", host.Deployment);
                writer.WriteString("host", host.Host);
                writer.WriteString("address", host.Address.ToString());
                writer.WriteStartArray("ports");
                host.Ports.ToList().ForEach(writer.WriteNumberValue);
                writer.WriteEndArray();
                writer.WriteStartArray("urls");
                host.Urls.Select(u => u.AbsoluteUri).ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            Strings(writer, "refused", report.Refused);
            writer.WriteStartArray("services");
            foreach (var found in report.Services)
            {
                writer.WriteStartObject();
                writer.WriteString("product", found.Host.Product);
                writer.WriteString("deployment", found.Host.Deployment);
                writer.WriteString("asset", found.Service.Endpoint.Key);
                writer.WriteString("host", found.Service.Host);
                writer.WriteString("address", found.Service.Address.ToString());
                writer.WriteNumber("port", found.Service.Port);
                writer.WriteString("service", found.Service.Service);
                writer.WriteBoolean("tls", found.Service.Tls);
                writer.WriteString("banner", found.Service.Banner);
                writer.WriteStartArray("fingerprints");
                foreach (var fingerprint in found.Fingerprints)
                {
                    writer.WriteStartObject();
                    writer.WriteString("product", fingerprint.Product);
                    writer.WriteString("version", fingerprint.Version);
                    writer.WriteString("purl", fingerprint.Purl.ToString());
                    writer.WriteString("cpe", fingerprint.Cpe);
                    writer.WriteString("evidence", fingerprint.Evidence);
                    writer.WriteString("build", fingerprint.Build);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                Strings(writer, "facts", found.Facts);
                Strings(writer, "notes", found.Notes);
                writer.WriteStartArray("findings");
                foreach (var finding in found.Findings)
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule", finding.RuleId);
                    writer.WriteString("title", finding.Title);
                    writer.WriteString("severity", finding.Severity);
                    writer.WriteString("asset", finding.Asset.Key);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("runs");
            foreach (var stored in report.Stored)
            {
                foreach (var run in stored.Runs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("product", stored.Product?.Name);
                    writer.WriteNumber("runId", run.Outcome.RunId);
                    writer.WriteString("source", run.Source);
                    writer.WriteNumber("findings", run.Findings.Count);
                    writer.WriteNumber("new", run.Outcome.New);
                    writer.WriteNumber("reopened", run.Outcome.Reopened);
                    writer.WriteNumber("resolved", run.Outcome.Resolved);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteNumber("connections", report.Connections);
            writer.WriteBoolean("budgetExhausted", report.BudgetExhausted);
            writer.WriteEndObject();
        });

    /// <summary>Ports as ranges: 1-3,7,9.</summary>
    public static string Ranges(IReadOnlyList<int> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var parts = new List<string>();
        for (var i = 0; i < ports.Count; i++)
        {
            var start = ports[i];
            while (i + 1 < ports.Count && ports[i + 1] == ports[i] + 1)
            {
                i++;
            }

            parts.Add(start == ports[i] ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start}-{ports[i]}"));
        }

        return string.Join(",", parts);
    }

    private static void Strings(System.Text.Json.Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
