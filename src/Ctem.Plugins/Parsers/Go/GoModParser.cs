using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Go;

/// <summary>
/// Reads <c>go.mod</c>: <c>module</c> is the product, each <c>require</c> a component (Transitive when marked
/// <c>// indirect</c>, else Direct), after <c>replace</c> directives are applied. The Go standard library is a
/// component too — <c>pkg:golang/stdlib</c>, as OSV lists its advisories — at the <c>toolchain</c> version (the Go
/// release the module is built with). Without one, at the <c>go</c> version, which is only the least release the
/// module builds with (go.dev/ref/mod): the version is marked inferred, and its findings score lower.
/// </summary>
public sealed partial class GoModParser : IInventoryParser
{
    public string Name => "go/go-mod";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetFileName(path).Equals("go.mod", StringComparison.Ordinal);

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var (directives, errors) = GoModLexer.Read(text);
        var path = source.Path;
        var diagnostics = errors
            .Select(e => Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"malformed go.mod: {e.Message}; the line is skipped", $"line {e.Line}"))
            .ToList();

        var module = directives.FirstOrDefault(d => d.Verb == "module");
        if (module is null || module.Arguments.Count != 1)
        {
            diagnostics.Insert(0, Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a go.mod: it has no 'module' directive", module is null ? null : $"line {module.Line}"));
            return new InventoryResult(null, diagnostics);
        }

        var replacements = ReadReplacements(path, directives, diagnostics);
        var components = new List<Component>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (StandardLibrary(path, directives, diagnostics) is { } stdlib)
        {
            components.Add(stdlib);
            seen.Add(stdlib.BomRef!);
        }

        foreach (var require in directives.Where(d => d.Verb == "require"))
        {
            if (Require(path, require, replacements, diagnostics) is { } component && seen.Add(component.BomRef!))
            {
                components.Add(component);
            }
        }

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the go.mod requires no modules and names no Go version"));
            return new InventoryResult(null, diagnostics);
        }

        return new InventoryResult(new Inventory(new ProductRef(module.Arguments[0], null), components), diagnostics);
    }

    private static Component? Require(string path, GoModDirective require, List<GoReplacement> replacements, List<Diagnostic> diagnostics)
    {
        var location = $"line {require.Line}";
        if (require.Arguments.Count != 2)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a 'require' needs a module path and a version; skipped", location));
            return null;
        }

        var (module, version) = (require.Arguments[0], require.Arguments[1]);
        var replacement = replacements.LastOrDefault(r => r.Module == module && (r.Version is null || r.Version == version));
        if (replacement is not null)
        {
            if (replacement.NewVersion is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"'{module}' is replaced by the local directory '{replacement.NewModule}', which has no version: it is not checked against advisories", $"line {replacement.Line}"));
                return null;
            }

            (module, version) = (replacement.NewModule, replacement.NewVersion);
        }

        var slash = module.LastIndexOf('/');
        // Lenient: a module path may be a single element (go.pinniped.dev), which the purl type definition forbids.
        var purl = PackageUrl.Create("golang", slash < 0 ? null : module[..slash], module[(slash + 1)..], version, null, null, strict: false);
        if (!purl.Success)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{module}' {version}: {purl.Error}; skipped", location));
            return null;
        }

        return new Component(module, version, purl.Value, purl.Value.ToString(), new SourceLocation(path, location))
        {
            Relation = require.Indirect ? DependencyRelation.Transitive : DependencyRelation.Direct,
        };
    }

    private static List<GoReplacement> ReadReplacements(string path, List<GoModDirective> directives, List<Diagnostic> diagnostics)
    {
        var replacements = new List<GoReplacement>();
        foreach (var replace in directives.Where(d => d.Verb == "replace"))
        {
            var arguments = replace.Arguments;
            var arrow = arguments.ToList().IndexOf("=>");
            var left = arrow < 0 ? [] : arguments.Take(arrow).ToList();
            var right = arrow < 0 ? [] : arguments.Skip(arrow + 1).ToList();
            if (left.Count is < 1 or > 2 || right.Count is < 1 or > 2)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a 'replace' must read 'module [version] => module version' or '=> local/path'; skipped", $"line {replace.Line}"));
                continue;
            }

            // The go command: a replacement without a version is a directory, and it must look like a path.
            replacements.Add(new GoReplacement(left[0], left.Count == 2 ? left[1] : null, right[0], right.Count == 2 ? right[1] : null, replace.Line));
        }

        return replacements;
    }

    private static Component? StandardLibrary(string path, List<GoModDirective> directives, List<Diagnostic> diagnostics)
    {
        var toolchain = directives.LastOrDefault(d => d.Verb == "toolchain" && d.Arguments.Count == 1 && d.Arguments[0] != "default");
        var go = directives.LastOrDefault(d => d.Verb == "go" && d.Arguments.Count == 1);
        var chosen = toolchain ?? go;
        if (chosen is null)
        {
            return null;
        }

        var written = chosen.Arguments[0];
        var match = GoVersion().Match(toolchain is null ? written : TrimToolchain(written));
        if (!match.Success)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"'{chosen.Verb} {written}' is not a Go release version; the standard library is not checked", $"line {chosen.Line}"));
            return null;
        }

        var version = $"{match.Groups["major"].Value}.{match.Groups["minor"].Value}.{(match.Groups["patch"].Success ? match.Groups["patch"].Value : "0")}";
        if (match.Groups["pre"].Success)
        {
            version += $"-{match.Groups["kind"].Value}.{match.Groups["number"].Value}";
        }

        // "stdlib" has no module path, which a strictly built purl requires; OSV and Go tooling name it so all the same.
        var purl = new PackageUrl("golang", null, "stdlib", version, new Dictionary<string, string>(), null);
        return new Component("stdlib", version, purl, purl.ToString(), new SourceLocation(path, $"line {chosen.Line}"))
        {
            Relation = DependencyRelation.Direct,
            VersionInferredFrom = toolchain is null
                ? $"'go {written}' in go.mod (line {chosen.Line}): the minimum Go version, not the toolchain the product is built with, which go.mod does not name"
                : null,
        };
    }

    /// <summary>"go1.22.3" or "go1.22.3+auto" (a custom toolchain suffix) to "1.22.3".</summary>
    private static string TrimToolchain(string toolchain)
    {
        var text = toolchain.StartsWith("go", StringComparison.Ordinal) ? toolchain[2..] : toolchain;
        var plus = text.IndexOfAny(['+', '-']);
        return plus > 0 ? text[..plus] : text;
    }

    /// <summary>Go release versions: "1.21", "1.21.4", "1.21rc2", "1.22beta1".</summary>
    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)(?:\.(?<patch>\d+))?(?<pre>(?<kind>rc|beta|alpha)(?<number>\d+))?$")]
    private static partial Regex GoVersion();
}
