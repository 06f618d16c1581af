using System.Security.Cryptography;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;
using Ctem.Engine.Discovery.Matching;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;

namespace Ctem.Engine.Discovery;

/// <summary>
/// Discovery for one product: reads its inventory inputs, matches every component against the knowledge base,
/// and stores the run with its findings in one transaction.
/// </summary>
public sealed class ScanRunner(
    ICtemStore store,
    IReadOnlyList<IInventoryParser> parsers,
    VersionSchemeRegistry schemes,
    InputReader reader,
    TimeProvider time)
{
    /// <summary>The source name scan findings carry, next to those of imported scanner reports.</summary>
    public const string SourceName = "ctem-scan";

    public async Task<ScanReport> ScanAsync(ScanRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var diagnostics = new List<Diagnostic>(InputReader.CheckExist(request.Paths));
        if (diagnostics.Count > 0)
        {
            return Failed(startedAt, diagnostics);
        }

        var inputs = new List<ScanInput>();
        var components = new List<Component>();
        ProductRef? declared = null;
        foreach (var path in request.Paths)
        {
            var explicitFile = File.Exists(path);
            foreach (var item in reader.Read(path, file => parsers.Any(p => p.CanParse(file, ReadOnlySpan<byte>.Empty)) || IsLikelyInventory(file)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report($"reading {item.Path}");
                var parsed = await ParseAsync(item, explicitFile, cancellationToken);
                diagnostics.AddRange(parsed.Diagnostics);
                if (parsed.Inventory is { } inventory)
                {
                    inputs.Add(new ScanInput(item.Path, Convert.ToHexStringLower(SHA256.HashData(item.Content!)), parsed.Format!));
                    components.AddRange(inventory.Components);
                    declared ??= inventory.Product;
                }
            }
        }

        if (components.Count == 0)
        {
            if (!diagnostics.Any(d => d.IsError))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, string.Join(", ", request.Paths), "no components found: the inputs list none, or no file here is an SBOM Ctem reads"));
            }

            return Failed(startedAt, diagnostics);
        }

        var product = ResolveProduct(request, declared);
        progress?.Report($"matching {components.Count} components");
        var keys = components.Select(c => c.PackageKey).OfType<PackageKey>().Distinct().ToList();
        var candidates = await store.FindAdvisoriesAsync(keys, cancellationToken);
        var match = AdvisoryMatcher.Match(components, candidates, schemes);

        var finishedAt = time.GetUtcNow();
        var run = await store.RecordScanAsync(new ScanRecord(product, SourceName, startedAt, finishedAt, inputs, components, match.Findings), cancellationToken);
        var status = diagnostics.Any(d => d.IsError) ? OperationStatus.Partial : OperationStatus.Succeeded;
        return new ScanReport(status, product, run, startedAt, finishedAt, inputs, components.Count, match.Findings, match.Undetermined, diagnostics);
    }

    private async Task<(Inventory? Inventory, string? Format, IReadOnlyList<Diagnostic> Diagnostics)> ParseAsync(InputItem item, bool explicitFile, CancellationToken cancellationToken)
    {
        if (item.Error is not null)
        {
            return (null, null, [item.Error]);
        }

        var parser = FindParser(item.Path, item.Content!);
        if (parser is null)
        {
            // Inside a directory walk, files that are not an inventory are simply not ours; a named file is an error.
            return (null, null, !explicitFile ? [] : [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"not a format Ctem reads (supported: {string.Join(", ", parsers.Select(p => p.Name))})")]);
        }

        using var stream = new MemoryStream(item.Content!, writable: false);
        var result = await parser.ParseAsync(new InputSource(item.Path, stream), cancellationToken);
        return (result.Inventory, parser.Name, result.Diagnostics);
    }

    private IInventoryParser? FindParser(string path, byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 4096));
        foreach (var parser in parsers)
        {
            if (parser.CanParse(path, head))
            {
                return parser;
            }
        }

        return null;
    }

    // In a directory walk the content is not read yet; JSON files are worth a look, the parser decides.
    private static bool IsLikelyInventory(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static ProductRef ResolveProduct(ScanRequest request, ProductRef? declared)
    {
        if (request.Product is { Length: > 0 } name)
        {
            return new ProductRef(name, declared?.Name == name ? declared.Version : null);
        }

        return declared ?? new ProductRef(Path.GetFileNameWithoutExtension(request.Paths[0].TrimEnd('/', '\\')), null);
    }

    private ScanReport Failed(DateTimeOffset startedAt, IReadOnlyList<Diagnostic> diagnostics) =>
        new(OperationStatus.Failed, null, null, startedAt, time.GetUtcNow(), [], 0, [], new Dictionary<string, int>(), diagnostics);
}
