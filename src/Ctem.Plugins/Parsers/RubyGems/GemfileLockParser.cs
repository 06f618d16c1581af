using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.RubyGems;

/// <summary>
/// Reads Bundler's <c>Gemfile.lock</c>. Specs of GEM and GIT sections are components (a platform suffix such as
/// <c>-x86_64-linux</c> becomes the purl's <c>platform</c> qualifier, so each platform build is its own component);
/// PATH specs are local gems, not components, and PATH "." is the product. Gems under DEPENDENCIES are Direct, the rest
/// Transitive; Bundler does not record groups in the lock, so the scope is Unspecified. CHECKSUMS (Bundler 2.5+) give hashes.
/// </summary>
public sealed partial class GemfileLockParser : IInventoryParser
{
    public string Name => "rubygems/gemfile-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetFileName(path) is "Gemfile.lock" or "gems.locked";

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var path = source.Path;
        var diagnostics = new List<Diagnostic>();
        var parsed = Read(path, text, diagnostics);
        if (parsed.Sections == 0)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Gemfile.lock: it has no GEM, GIT, PATH or DEPENDENCIES section"));
        }

        var byName = parsed.Specs.Where(s => s.Section != "PATH").ToLookup(s => s.Name, StringComparer.Ordinal);
        var components = new List<Component>();
        var bomRefs = new Dictionary<GemSpec, string>();
        foreach (var spec in parsed.Specs.Where(s => s.Section != "PATH"))
        {
            var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (spec.Platform is not null)
            {
                qualifiers["platform"] = spec.Platform;
            }

            if (spec.Section == "GIT" && spec.Remote is not null)
            {
                qualifiers["vcs_url"] = spec.Revision is null ? $"git+{spec.Remote}" : $"git+{spec.Remote}@{spec.Revision}";
            }

            var purl = PackageUrl.Create("gem", null, spec.Name, spec.Version, qualifiers, null);
            if (!purl.Success)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{spec.Name}' {spec.Version}: {purl.Error}; skipped", $"line {spec.Line}"));
                continue;
            }

            var bomRef = purl.Value.ToString();
            if (bomRefs.ContainsValue(bomRef))
            {
                continue;
            }

            bomRefs[spec] = bomRef;
            var checksum = parsed.Checksums.GetValueOrDefault(spec.Platform is null ? $"{spec.Name} ({spec.Version})" : $"{spec.Name} ({spec.Version}-{spec.Platform})");
            components.Add(new Component(spec.Name, spec.Version, purl.Value, bomRef, new SourceLocation(path, $"line {spec.Line}"))
            {
                Relation = parsed.Direct.Contains(spec.Name) || parsed.LocalDependencies.Contains(spec.Name) ? DependencyRelation.Direct : DependencyRelation.Transitive,
                Hashes = checksum ?? [],
            });
        }

        var specsByRef = bomRefs.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        components = components.Select(c => c with
        {
            DependsOn = specsByRef[c.BomRef!].Dependencies
                .SelectMany(name => byName[name])
                .Select(target => bomRefs.GetValueOrDefault(target))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList(),
        }).ToList();

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the Gemfile.lock locks no gems"));
            return new InventoryResult(null, diagnostics);
        }

        var product = parsed.Specs.FirstOrDefault(s => s.Section == "PATH" && s.Remote == ".");
        return new InventoryResult(new Inventory(product is null ? null : new ProductRef(product.Name, product.Version), components), diagnostics);
    }

    private static GemLock Read(string path, string text, List<Diagnostic> diagnostics)
    {
        var result = new GemLock();
        string? section = null;
        string? remote = null;
        string? revision = null;
        GemSpec? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', ' ');
            var number = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                section = line;
                (remote, revision, current) = (null, null, null);
                if (section is "GEM" or "GIT" or "PATH" or "DEPENDENCIES" or "PLUGIN SOURCE")
                {
                    result.Sections++;
                }

                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line.Trim();
            switch (section)
            {
                case "GEM" or "GIT" or "PATH" or "PLUGIN SOURCE" when indent == 2:
                    if (content.StartsWith("remote:", StringComparison.Ordinal))
                    {
                        remote = content["remote:".Length..].Trim();
                    }
                    else if (content.StartsWith("revision:", StringComparison.Ordinal))
                    {
                        revision = content["revision:".Length..].Trim();
                    }

                    break;
                case "GEM" or "GIT" or "PATH" when indent == 4:
                    current = ReadSpec(path, section, remote, revision, content, number, diagnostics);
                    if (current is not null)
                    {
                        result.Specs.Add(current);
                    }

                    break;
                case "GEM" or "GIT" or "PATH" when indent == 6 && current is not null:
                    var dependency = GemName().Match(content).Value;
                    current.Dependencies.Add(dependency);
                    if (section == "PATH" && remote == ".")
                    {
                        result.LocalDependencies.Add(dependency);
                    }

                    break;
                case "DEPENDENCIES" when indent == 2:
                    // "rails (~> 7.0)", "mygem!" (from a GIT or PATH source).
                    result.Direct.Add(GemName().Match(content).Value);
                    break;
                case "CHECKSUMS" when indent == 2:
                    ReadChecksum(result, content);
                    break;
                default:
                    break;
            }
        }

        return result;
    }

    private static GemSpec? ReadSpec(string path, string section, string? remote, string? revision, string content, int line, List<Diagnostic> diagnostics)
    {
        var match = Spec().Match(content);
        if (!match.Success)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"'{content}' is not a 'name (version)' spec; skipped", $"line {line}"));
            return null;
        }

        // Gem versions never contain '-' (pre-releases use '.'), so the first '-' starts the platform.
        var full = match.Groups["version"].Value;
        var dash = full.IndexOf('-', StringComparison.Ordinal);
        var (version, platform) = dash > 0 ? (full[..dash], full[(dash + 1)..]) : (full, null);
        return new GemSpec(section, remote, revision, match.Groups["name"].Value, version, platform, line);
    }

    private static void ReadChecksum(GemLock result, string content)
    {
        var close = content.IndexOf(')', StringComparison.Ordinal);
        if (close < 0)
        {
            return;
        }

        var hashes = content[(close + 1)..]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.Split('=', 2))
            .Where(h => h.Length == 2 && h[1].Length > 0)
            .Select(h => new ComponentHash(h[0], h[1]))
            .ToList();
        result.Checksums[content[..(close + 1)]] = hashes;
    }

    [GeneratedRegex(@"^(?<name>[^\s(!]+) \((?<version>[^)\s]+)\)$")]
    private static partial Regex Spec();

    [GeneratedRegex(@"^[^\s(!]+")]
    private static partial Regex GemName();
}
