using System.Text.Json.Nodes;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem demo --serve</c>'s past: the demo SBOM scanned once a week for the six weeks before today, each week with a
/// different share of its components left out, so that findings open, get fixed and come back, and the dashboard's
/// trends have a shape. The runs are stamped with those weeks' times; today's scan is the demo's own.
/// </summary>
internal static class DemoHistory
{
    public const int Weeks = 6;

    // Which components week N before today leaves out: index % Modulus == Remainder. Made up, different each week.
    private static readonly (int Modulus, int Remainder)[] LeftOut = [(3, 0), (5, 0), (4, 1), (6, 2), (8, 3), (10, 4)];

    public static async Task RecordAsync(CliContext context, ICtemStore store, string sbom, ScopeDocument scope, string directory, CancellationToken cancellationToken)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(sbom, cancellationToken))!.AsObject();
        var components = document["components"]!.AsArray().Select(c => c!.DeepClone()).ToList();
        for (var week = Weeks; week >= 1; week--)
        {
            var (modulus, remainder) = LeftOut[Weeks - week];
            document["components"] = new JsonArray([.. components.Where((_, i) => i % modulus != remainder).Select(c => c!.DeepClone())]);
            var path = Path.Combine(directory, Path.GetFileName(sbom));
            await File.WriteAllTextAsync(path, document.ToJsonString(), cancellationToken);
            var then = new ShiftedTime(context.Host.Time, TimeSpan.FromDays(-7 * week));
            var runner = new ScanRunner(store, BuiltInPlugins.InventoryParsers, BuiltInPlugins.VersionSchemes, context.Reader, then);
            await runner.ScanAsync(new ScanRequest([path], null) { Scope = scope, Source = "demo" }, null, cancellationToken);
        }
    }

    /// <summary>The host's clock moved by a fixed amount: a run recorded as of an earlier week.</summary>
    private sealed class ShiftedTime(TimeProvider inner, TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + by;
    }
}
