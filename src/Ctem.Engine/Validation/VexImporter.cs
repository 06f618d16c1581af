using System.Security.Cryptography;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;

namespace Ctem.Engine.Validation;

/// <param name="Product">Binds every statement to this product (<c>--product</c>), instead of the product each document names.</param>
/// <param name="FormatIn">A VEX reader (its name, or the family before '/': "openvex") that reads every file instead of detection (<c>--format-in</c>).</param>
public sealed record VexImportRequest(IReadOnlyList<string> Paths, string? Product = null, string? FormatIn = null)
{
    /// <summary>How statements' sources, the report and diagnostics name the files read (an API upload: the name it was sent under); default: their paths.</summary>
    public InputNames Names { get; init; } = InputNames.AsGiven;
}

/// <summary>One VEX document read: where, by which reader, and how many of its statements were new.</summary>
public sealed record VexImportedFile(string Path, string Format, string? DocumentId, int Statements, int Added, int Unchanged);

/// <summary>
/// What an import did. <see cref="Applied"/> counts the new statements that apply to findings held now;
/// <see cref="Preemptive"/> those that match nothing yet and wait for later scans.
/// </summary>
public sealed record VexImportReport(OperationStatus Status, IReadOnlyList<VexImportedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Applied { get; init; }

    public int Preemptive { get; init; }

    /// <summary>Findings whose VEX state changed.</summary>
    public int Changed { get; init; }
}

/// <summary>
/// <c>ctem vex import</c>: reads every VEX document first (one that is not a VEX document, or is of a version no reader
/// supports, and nothing is written), stores each statement as history, and applies them to the products they are for.
/// </summary>
public sealed class VexImporter(ICtemStore store, IReadOnlyList<IVexReader> readers, VersionSchemeRegistry schemes, InputReader reader, TimeProvider time)
{
    private const int HeadBytes = 4096;

    public async Task<VexImportReport> ImportAsync(VexImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new List<Diagnostic>(InputReader.CheckExist(request.Paths));
        var forced = request.FormatIn is null ? null : readers.FirstOrDefault(r => r.Name == request.FormatIn || r.Name.Split('/')[0] == request.FormatIn);
        if (request.FormatIn is not null && forced is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, request.FormatIn, $"unknown VEX format; known: {Known()}"));
        }

        if (diagnostics.Count > 0)
        {
            return new VexImportReport(OperationStatus.Failed, [], diagnostics);
        }

        var read = new List<(InputItem Item, IVexReader Reader, VexDocument Document)>();
        foreach (var item in request.Paths.SelectMany(p => reader.Read(p, IsLikelyVex)))
        {
            var (document, used, found) = Read(item, forced);
            diagnostics.AddRange(found.Select(d => d with { Path = request.Names.Of(d.Path) }));
            if (document is not null)
            {
                read.Add((item, used!, document));
            }
        }

        if (diagnostics.Any(d => d.IsError) || read.Count == 0)
        {
            if (!diagnostics.Any(d => d.IsError))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, string.Join(", ", request.Paths), "no VEX document found"));
            }

            return new VexImportReport(OperationStatus.Failed, [], diagnostics);
        }

        var now = time.GetUtcNow();
        var statements = new List<NewVexStatement>();
        var perFile = new List<(InputItem Item, IVexReader Reader, VexDocument Document, int First)>();
        foreach (var (item, used, document) in read)
        {
            var digest = Convert.ToHexStringLower(SHA256.HashData(item.Content!));
            perFile.Add((item, used, document, statements.Count));
            statements.AddRange(document.Statements.Select((statement, i) => ToNew(request.Names.Of(item.Path), used.Name, digest, i, document, statement, request.Product, now)));
        }

        diagnostics.AddRange(statements.Where(s => s.Product is null && s.Statement.Targets.Count == 0).Select(s => Diagnostic.Warning(
            DiagnosticCodes.RecordSkipped, s.Source, $"the statement on {s.Statement.VulnerabilityId} names neither a product nor components: it applies to nothing (give --product)", s.Statement.Location)));
        var outcome = await store.AddVexStatementsAsync(statements, cancellationToken);
        var files = perFile.Select(f =>
        {
            var ids = outcome.Ids.Skip(f.First).Take(f.Document.Statements.Count).ToList();
            return new VexImportedFile(request.Names.Of(f.Item.Path), f.Reader.Name, f.Document.Id, ids.Count, ids.Count(id => id is not null), ids.Count(id => id is null));
        }).ToList();

        var applied = new HashSet<long>();
        var changed = 0;
        var products = (await store.ListProductsAsync(cancellationToken)).Select(p => p.Name)
            .Where(name => statements.Any(s => VexMatcher.IsFor(s.Product, name)));
        foreach (var product in products)
        {
            var application = await new VexApplier(store, schemes, time).ApplyAsync(product, cancellationToken);
            applied.UnionWith(application.Links.Select(l => l.StatementId));
            changed += application.Outcome.Changed;
        }

        var newIds = outcome.Added;
        var status = diagnostics.Any(d => d.IsError) ? OperationStatus.Partial : OperationStatus.Succeeded;
        return new VexImportReport(status, files, diagnostics)
        {
            Applied = newIds.Count(applied.Contains),
            Preemptive = newIds.Count(id => !applied.Contains(id)),
            Changed = changed,
        };
    }

    private (VexDocument? Document, IVexReader? Reader, IReadOnlyList<Diagnostic> Diagnostics) Read(InputItem item, IVexReader? forced)
    {
        if (item.Error is not null)
        {
            return (null, null, [item.Error]);
        }

        var content = item.Content!;
        var used = forced ?? readers.FirstOrDefault(r => r.CanParse(item.Path, content.AsSpan(0, Math.Min(HeadBytes, content.Length))));
        if (used is null)
        {
            return (null, null, [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"not a VEX document Ctem reads ({Known()}); --format-in names the format")]);
        }

        try
        {
            var result = used.Read(item.Path, content);
            return (result.Document, used, result.Document is null && !result.Diagnostics.Any(d => d.IsError)
                ? [.. result.Diagnostics, Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"{used.Name} refused the document")]
                : result.Diagnostics);
        }
#pragma warning disable CA1031 // Isolation of plugins: reported as a rejection of this document, not swallowed.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return (null, used, [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"the {used.Name} reader failed on this document ({ex.GetType().Name}: {ex.Message}); please report it")]);
        }
    }

    private static NewVexStatement ToNew(string path, string format, string digest, int ordinal, VexDocument document, VexStatement statement, string? product, DateTimeOffset now) =>
        new(statement with { Author = statement.Author ?? document.Author }, path, format, digest, ordinal, statement.Timestamp ?? document.Timestamp ?? now)
        {
            DocumentId = document.Id,
            Product = product ?? statement.Product,
        };

    private string Known() => readers.Count == 0 ? "no VEX reader is installed" : string.Join(", ", readers.Select(r => r.Name));

    private static bool IsLikelyVex(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
}
