using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Scoping;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary>The scope file read: the document when it is valid, else null; and every problem found, each with its <c>line:column</c>.</summary>
public sealed record ScopeLoadResult(ScopeDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Document is not null;
}

/// <summary>
/// Reads <c>ctem.yaml</c>, the Scoping stage's file (format: docs/cli.md, "The scope file ctem.yaml"; JSON Schema:
/// schemas/ctem.schema.json). Bad files come back as diagnostics, all of them at once, never as an exception; alias
/// bombs and documents nested deeper than <see cref="ScopeYamlGuard.MaxDepth"/> levels are refused before loading.
/// </summary>
public static class ScopeFile
{
    /// <summary>The name <c>ctem init</c> writes by default.</summary>
    public const string DefaultFileName = "ctem.yaml";

    /// <summary>The code of every scope-file diagnostic.</summary>
    public const string DiagnosticCode = DiagnosticCodes.UnsupportedFormat;

    /// <summary>
    /// Reads <paramref name="text"/>; <paramref name="path"/> names the file in diagnostics and is where files it names
    /// (a CODEOWNERS file) are looked for, through <paramref name="readRelated"/> (a full path in, the text or null out);
    /// without it, a scope file that names one is an error.
    /// </summary>
    public static ScopeLoadResult Load(string path, string text, Func<string, string?>? readRelated = null)
    {
        if (ScopeYamlGuard.Check(text) is { } refused)
        {
            return Failed(path, refused.Error, refused.Start);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            return Failed(path, $"invalid YAML: {Describe(ex)}", ex.Start);
        }

        if (stream.Documents.Count == 0)
        {
            return Failed(path, "the scope file is empty; 'ctem init' writes a commented starter", new Mark(0, 1, 1));
        }

        if (stream.Documents.Count > 1)
        {
            return Failed(path, $"expected one YAML document, found {stream.Documents.Count}", stream.Documents[1].RootNode.Start);
        }

        var scope = new ScopeReader(path, readRelated);
        var document = scope.Read(stream.Documents[0].RootNode);
        return scope.Diagnostics.Count == 0
            ? new ScopeLoadResult(document, [])
            : new ScopeLoadResult(null, [.. scope.Diagnostics.OrderBy(d => d.Location, LocationOrder.Instance)]);
    }

    private static string Describe(YamlException ex) =>
        ex.InnerException is { } inner && ex.Message.Contains("See inner", StringComparison.Ordinal) ? inner.Message : ex.Message;

    private static ScopeLoadResult Failed(string path, string message, Mark start) =>
        new(null, [Diagnostic.Error(DiagnosticCode, path, message, $"{start.Line}:{start.Column}")]);

    /// <summary>Orders "line:column" locations as positions in the file, so diagnostics come in document order.</summary>
    private sealed class LocationOrder : IComparer<string?>
    {
        public static readonly LocationOrder Instance = new();

        public int Compare(string? x, string? y) => Position(x).CompareTo(Position(y));

        private static (long Line, long Column) Position(string? location) =>
            location?.Split(':') is [var line, var column] && long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
                && long.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? (l, c) : (0, 0);
    }
}
