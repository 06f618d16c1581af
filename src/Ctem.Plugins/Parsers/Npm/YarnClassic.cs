using Ctem.Core.Diagnostics;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>Turns yarn lockfile v1 entries into <see cref="YarnEntry"/>s.</summary>
internal static class YarnClassic
{
    public static List<YarnEntry>? Read(string path, string text, List<Diagnostic> diagnostics)
    {
        var (entries, error, line) = YarnClassicReader.Read(text);
        if (entries is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidJson, path, $"invalid yarn.lock: {error}", $"line {line}"));
            return null;
        }

        var result = new List<YarnEntry>();
        var bomRefs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parsed = entry.Patterns.Select(NpmPurl.SplitAt).ToArray();
            if (parsed.Any(p => p is null))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the entry header '{string.Join(", ", entry.Patterns)}' is not of the form name@range; skipped", $"line {entry.Line}"));
                continue;
            }

            var first = parsed[0]!.Value;
            var name = first.Range.StartsWith("npm:", StringComparison.Ordinal) && NpmPurl.SplitAt(first.Range[4..]) is { } alias
                ? alias.Name
                : first.Name;
            var local = parsed.All(p => p!.Value.Range.StartsWith("file:", StringComparison.Ordinal) || p.Value.Range.StartsWith("link:", StringComparison.Ordinal));
            var version = entry.Body.Values.GetValueOrDefault("version");
            var bomRef = $"{name}@{version}";

            // Two entries for one name and version differ by source (a git fork, another registry); keep both apart.
            if (!bomRefs.Add(bomRef))
            {
                bomRef = entry.Patterns[0];
                bomRefs.Add(bomRef);
            }

            var resolved = entry.Body.Values.GetValueOrDefault("resolved");
            var hashes = NpmIntegrity.Parse(entry.Body.Values.GetValueOrDefault("integrity"));
            result.Add(new YarnEntry(
                local ? YarnEntryKind.Local : YarnEntryKind.Package,
                bomRef,
                name,
                version,
                entry.Line,
                entry.Patterns,
                [.. Dependencies(entry.Body, "dependencies", optional: false), .. Dependencies(entry.Body, "optionalDependencies", optional: true)],
                hashes.Count > 0 ? hashes : NpmIntegrity.FromResolvedFragment(resolved)));
        }

        return result;
    }

    private static IEnumerable<(string Name, string Range, bool Optional)> Dependencies(YarnClassicReader.Block body, string field, bool optional) =>
        body.Blocks.TryGetValue(field, out var block)
            ? block.Values.Select(pair => (pair.Key, pair.Value, optional))
            : [];
}
